"""Relations of issue 12: classes of constructions written in passing (titles of state
office, membership of factions and units, kinship, transitive fighting, troop
contributors, a branch's area, facilities a group uses), on sentences written for these
tests (not the annotated texts)."""
from __future__ import annotations

from .test_relations import relations, triples

# -- titles of state office: the holder is a member of the state --------------------------

def test_possessive_state_spokeswoman_in_apposition(nlp):
    facts, k = relations("Lina Haddad, then Jordan's foreign ministry spokeswoman, denied "
                         "the report.")
    assert (k["Lina Haddad"], "member_of", k["Jordan"]) in triples(facts)


def test_possessive_ambassador_before_the_name(nlp):
    facts, k = relations("Chile's ambassador to Peru, Tomas Rivera, was recalled on Monday.")
    got = triples(facts)
    assert (k["Tomas Rivera"], "member_of", k["Chile"]) in got
    assert (k["Tomas Rivera"], "member_of", k["Peru"]) not in got


def test_demonym_government_spokesman_before_the_name(nlp):
    facts, k = relations("Egyptian government spokesman Omar Fathy said the claim was false.")
    assert (k["Omar Fathy"], "member_of", "country:egypt") in triples(facts)


def test_spokeswoman_for_a_demonym_ministry(nlp):
    facts, k = relations("Lina Haddad, a spokeswoman for the Jordanian foreign ministry, "
                         "denied the report.")
    assert (k["Lina Haddad"], "member_of", "country:jordan") in triples(facts)


def test_a_commander_in_a_country_is_no_member_of_the_country(nlp):
    facts, k = relations("Ali Nouri, a senior commander in Syria, was killed in a strike.")
    assert not any(p == "member_of" and o.startswith("country:") for _, p, o in triples(facts))


def test_demonym_on_a_non_state_role_is_nationality_not_membership(nlp):
    facts, k = relations("Danish researcher Mette Holm wrote the study.")
    assert not any(o == "country:denmark" for _, _, o in triples(facts))


# -- factions and units ------------------------------------------------------------------

def test_one_of_the_factions_of_a_body(nlp):
    facts, k = relations("Saraya al-Nasr is one of the armed factions of the Popular "
                         "Defense Units.")
    assert (k["Saraya al-Nasr"], "member_of", k["Popular Defense Units"]) in triples(facts)


def test_a_named_group_faction_in_apposition(nlp):
    facts, k = relations("Police linked the bomber to Jund al-Fajr, a Crescent Brigades "
                         "faction that has acted alone.")
    assert (k["Jund al-Fajr"], "member_of", k["Crescent Brigades"]) in triples(facts)


def test_a_faction_of_a_body_in_apposition(nlp):
    facts, k = relations("The Crescent Brigades, a faction of the Popular Defense Units, "
                         "fired rockets.")
    assert (k["Crescent Brigades"], "member_of", k["Popular Defense Units"]) in triples(facts)


def test_a_group_and_other_units_of_a_body(nlp):
    facts, k = relations("The strike killed nine fighters from the Crescent Brigades and "
                         "other units of the Popular Defense Units.")
    assert (k["Crescent Brigades"], "member_of", k["Popular Defense Units"]) in triples(facts)


def test_one_of_its_members_named_in_apposition(nlp):
    facts, k = relations("The Crescent Brigades said that one of its members, Hadi Saleh, "
                         "had been killed.")
    assert (k["Hadi Saleh"], "member_of", k["Crescent Brigades"]) in triples(facts)


def test_a_branch_for_countries_operates_there(nlp):
    facts, k = relations("Jund al-Fajr is the Dawn Front's affiliate for Jordan and Lebanon.")
    got = triples(facts)
    assert (k["Jund al-Fajr"], "operates_in", k["Jordan"]) in got
    assert (k["Jund al-Fajr"], "operates_in", k["Lebanon"]) in got


def test_writes_for_an_institute(nlp):
    facts, k = relations("Nadia Fares writes on Gulf politics for the Caspian Policy Forum.")
    assert (k["Nadia Fares"], "member_of", k["Caspian Policy Forum"]) in triples(facts)


def test_states_contributing_troops_are_members(nlp):
    facts, k = relations("The Gulf Task Force, with troops from Oman, Qatar and Kuwait, "
                         "patrols the strait.")
    got = triples(facts)
    for c in ("Oman", "Qatar", "Kuwait"):
        assert (k[c], "member_of", k["Gulf Task Force"]) in got


def test_a_banner_under_which_factions_claim(nlp):
    facts, k = relations("The Dawn Council, a banner under which Saraya al-Nasr, the "
                         "Crescent Brigades and smaller factions claim their attacks, fired "
                         "drones.")
    got = triples(facts)
    assert (k["Saraya al-Nasr"], "member_of", k["Dawn Council"]) in got
    assert (k["Crescent Brigades"], "member_of", k["Dawn Council"]) in got


# -- a role coordinated with another noun ------------------------------------------------

def test_a_role_coordinated_with_a_kin_noun_shares_its_holder(nlp):
    facts, k = relations("Police described Karim Fawzi as Samir Haddad's cousin and a member "
                         "of the Dawn Council.")
    got = triples(facts)
    assert (k["Karim Fawzi"], "member_of", k["Dawn Council"]) in got
    assert not any(p == "associate_of" for _, p, _ in got)     # kin are no associates


# -- fighting a group or a state ---------------------------------------------------------

def test_fighting_a_group_is_opposing_it(nlp):
    facts, k = relations("The Dawn Front has fought the Crescent Brigades since 2015.")
    assert (k["Dawn Front"], "opposes", k["Crescent Brigades"]) in triples(facts)


def test_groups_fighting_the_demonym_state(nlp):
    facts, k = relations("The army struck the Dawn Front and the Crescent Brigades, two "
                         "separatist groups fighting the Jordanian state.")
    got = triples(facts)
    assert (k["Dawn Front"], "opposes", "country:jordan") in got
    assert (k["Crescent Brigades"], "opposes", "country:jordan") in got


def test_fighting_a_war_opposes_nobody(nlp):
    facts, _ = relations("The Dawn Front fought a long war in Jordan.")
    assert not any(p == "opposes" for _, p, _ in triples(facts))


# -- facilities a group uses --------------------------------------------------------------

def test_facilities_used_by_groups_near_a_place(nlp):
    facts, k = relations("The jets struck depots near Maan that officials said were used "
                         "by the Dawn Front and the Crescent Brigades.")
    got = triples(facts)
    assert (k["Dawn Front"], "operates_in", k["Maan"]) in got
    assert (k["Crescent Brigades"], "operates_in", k["Maan"]) in got


# -- appointment, leaders named, bases -----------------------------------------------------

def test_elected_in_a_participle_clause_is_not_under_the_modal(nlp):
    facts, k = relations("Whether Petra Lind, elected Finland's president in May, will change "
                         "course remains unclear.")
    assert [f.rule for f in facts if (f.subject, f.predicate, f.object) == (
        k["Petra Lind"], "leader_of", k["Finland"])] == ["role_noun"]


def test_the_group_named_someone_as_its_emir(nlp):
    facts, k = relations("The Dawn Front lost two leaders in 2019. A few months later the "
                         "group named Karim Saleh as its emir.")
    assert (k["Karim Saleh"], "leader_of", k["Dawn Front"]) in triples(facts)


def test_a_base_in_one_place_and_later_in_another(nlp):
    facts, k = relations("The Dawn Front set up its base in Kandahar province, and later in "
                         "neighbouring Zabul.")
    got = triples(facts)
    assert (k["Dawn Front"], "based_in", k["Kandahar"]) in got
    assert (k["Dawn Front"], "based_in", k["Zabul"]) in got


def test_a_deputy_title_without_its_group_takes_the_group_in_context(nlp):
    facts, k = relations("The Dawn Front chose a new leader on Tuesday. Rashid Karami, deputy "
                         "secretary-general since 1998, was elected.")
    assert (k["Rashid Karami"], "member_of", k["Dawn Front"]) in triples(facts)


def test_a_regional_commander_named_after_the_place(nlp):
    facts, k = relations("Officials named the Dawn Front's commander in Syria, Karim Saleh, "
                         "as the target.")
    got = triples(facts)
    assert (k["Karim Saleh"], "member_of", k["Dawn Front"]) in got
    assert (k["Karim Saleh"], "leader_of", k["Dawn Front"]) not in got


def test_a_deputy_minister_is_not_placed_in_the_group_in_context(nlp):
    facts, k = relations("The Dawn Front has fought in Maan since 2012. Deputy Interior "
                         "Minister Omar Nouri visited Maan, and the Interior Ministry took "
                         "charge of the city.")
    got = triples(facts)
    assert (k["Omar Nouri"], "member_of", k["Dawn Front"]) not in got



# -- sponsorship and membership written in passing -------------------------------------------

def test_a_sponsor_participle_over_a_flat_list_of_names(nlp):
    facts, k = relations("The Syrian-backed Liwa al-Nasr, Saraya al-Fajr and Crescent Brigades "
                         "fired rockets.")
    got = triples(facts)
    for g in ("Liwa al-Nasr", "Saraya al-Fajr", "Crescent Brigades"):
        assert (k[g], "sponsored_by", "country:syria") in got


def test_training_the_fighters_of_groups_sponsors_each_group(nlp):
    facts, k = relations("Syria has trained fighters from Liwa al-Nasr and Saraya al-Fajr.")
    got = triples(facts)
    assert (k["Liwa al-Nasr"], "sponsored_by", k["Syria"]) in got
    assert (k["Saraya al-Fajr"], "sponsored_by", k["Syria"]) in got


def test_belonging_to_what_a_state_calls_a_coalition(nlp):
    facts, k = relations("The Dawn Front belongs to what Damascus calls the Axis of Defiance.")
    assert (k["Dawn Front"], "member_of", k["Axis of Defiance"]) in triples(facts)


def test_part_of_what_a_state_calls_a_coalition(nlp):
    facts, k = relations("The Dawn Front is part of what Damascus calls the Axis of Defiance.")
    assert (k["Dawn Front"], "member_of", k["Axis of Defiance"]) in triples(facts)



# -- where a group acts, written on its descriptor -------------------------------------------

def test_a_group_noun_in_apposition_placed_in_a_country(nlp):
    facts, k = relations("Liwa al-Nasr, an Iranian-backed militia in Iraq, fired rockets.")
    got = triples(facts)
    assert (k["Liwa al-Nasr"], "operates_in", "country:iraq") in got
    assert (k["Liwa al-Nasr"], "sponsored_by", "country:iran") in got


def test_a_demonym_branch_acts_in_its_country(nlp):
    facts, k = relations("Liwa al-Nasr, the Syrian branch of the Dawn Front, fired rockets.")
    got = triples(facts)
    assert (k["Liwa al-Nasr"], "member_of", k["Dawn Front"]) in got
    assert (k["Liwa al-Nasr"], "operates_in", "country:syria") in got


def test_took_over_as_leader(nlp):
    facts, k = relations("Karim Saleh took over as leader of Liwa al-Nasr in 2019.")
    assert (k["Karim Saleh"], "leader_of", k["Liwa al-Nasr"]) in triples(facts)
