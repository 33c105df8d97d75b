"""Relations read from the syntax, one test per construction, on sentences written for
these tests (not the dev texts)."""
from __future__ import annotations

import pytest

from actorgraph.extract.rules_en.nlp import load_nlp
from actorgraph.extract.rules_en.pipeline import State
from actorgraph.extract.rules_en.reference.arguments import Context
from actorgraph.extract.rules_en.relations.stage import find_relations, load_rules

from .helpers import parsed


def parse(text: str) -> State:
    return parsed(text)


def relations(text: str):
    state = parse(text)
    facts = find_relations(state.doc, state.sentences, state.mentions)
    keys = {m.text: m.key for m in state.mentions}
    return facts, keys


def triples(facts) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in facts
            if not f.rule.endswith(":hypothetical")}


def test_patterns_are_data_and_cover_every_predicate():
    rules = load_rules()
    assert set(rules.types) == {"leader_of", "founder_of", "member_of", "sponsored_by",
                                "allied_with", "opposes", "based_in", "operates_in",
                                "associate_of", "operates_channel"}
    assert "founder" in rules.role and rules.role["mayor"] == "leader_of"


def test_apposition_founder_and_leader(nlp):
    facts, k = relations("Karim Haddadi, the founder and leader of the Northern Shield Brigade, "
                         "spoke in Basra on Friday.")
    got = triples(facts)
    assert (k["Karim Haddadi"], "founder_of", k["Northern Shield Brigade"]) in got
    assert (k["Karim Haddadi"], "leader_of", k["Northern Shield Brigade"]) in got
    assert all(f.sentence == 0 and f.rule == "role_noun" for f in facts)


def test_leading_member_of_the_group_named_in_context(nlp):
    facts, k = relations("The Sabirin movement expanded quickly in 2019. The group relied on "
                         "Hassan Kamali, a leading member who had studied in Najaf.")
    assert (k["Hassan Kamali"], "member_of", k["Sabirin"]) in triples(facts)


def test_leading_member_without_a_group_in_context_is_not_guessed(nlp):
    facts, _ = relations("Hassan Kamali, a leading member who had studied in Najaf, "
                         "gave a speech.")
    assert not facts


def test_fellow_at_an_institute(nlp):
    facts, k = relations("Maria Lopez is a senior fellow at the Caspian Policy Forum.")
    assert triples(facts) == {(k["Maria Lopez"], "member_of", k["Caspian Policy Forum"])}


def test_served_in(nlp):
    facts, k = relations("Daniel Cohen served in the Israeli Border Police from 2015 to 2017.")
    assert (k["Daniel Cohen"], "member_of", k["Israeli Border Police"]) in triples(facts)


def test_possessive_interpreter_is_an_associate(nlp):
    facts, k = relations("Javad Moradi acted as Qassem Soleimani's interpreter during the talks.")
    assert triples(facts) == {(k["Javad Moradi"], "associate_of", k["Qassem Soleimani"])}


def test_possessive_leader(nlp):
    facts, k = relations("Hezbollah's leader Hassan Nasrallah gave a speech in Beirut.")
    assert triples(facts) == {(k["Hassan Nasrallah"], "leader_of", k["Hezbollah"])}


def test_title_before_the_name(nlp):
    facts, k = relations("Former Quds Force Commander Qassem Soleimani visited Baghdad.")
    assert triples(facts) == {(k["Qassem Soleimani"], "leader_of", k["Quds Force"])}


def test_hyphenated_title(nlp):
    facts, k = relations("Hezbollah Secretary-General Naim Qassem visited Tehran in May.")
    assert triples(facts) == {(k["Naim Qassem"], "leader_of", k["Hezbollah"])}


def test_demonym_president_leads_the_country(nlp):
    facts, k = relations("Turkish president Recep Tayyip Erdogan met the delegation in Ankara.")
    assert triples(facts) == {(k["Recep Tayyip Erdogan"], "leader_of", "country:turkey")}


def test_mayor_after_the_name(nlp):
    facts, k = relations("Samir Haddad, the mayor of the northern city of Tripoli, "
                         "condemned the decision.")
    assert triples(facts) == {(k["Samir Haddad"], "leader_of", k["Tripoli"])}


def test_mayor_before_the_name(nlp):
    facts, k = relations("The mayor of the southern city of Basra, Asaad al-Eidani, "
                         "resigned in March.")
    assert triples(facts) == {(k["Asaad al-Eidani"], "leader_of", k["Basra"])}


def test_iranian_backed_names_the_sponsor_by_its_demonym(nlp):
    text = "Asaib Ahl al-Haq, an Iranian-backed group, was founded in 2006."
    state = parse(text)
    ctx = Context(state.doc, state.sentences, state.mentions)
    facts = find_relations(state.doc, state.sentences, state.mentions, ctx=ctx)
    k = {m.text: m.key for m in state.mentions}
    assert triples(facts) == {(k["Asaib Ahl al-Haq"], "sponsored_by", "country:iran")}
    assert ctx.invented == {"country:iran": "Iran"}   # Iran is not named in the text


def test_proxy_of(nlp):
    facts, k = relations("Kataib Hezbollah is a proxy of Iran.")
    assert triples(facts) == {(k["Kataib Hezbollah"], "sponsored_by", k["Iran"])}


def test_funded_and_trained_by_with_support(nlp):
    facts, k = relations("The Sabirin movement is funded and trained by Iran.")
    [fact] = [f for f in facts if f.predicate == "sponsored_by"]
    assert (fact.subject, fact.object) == (k["Sabirin"], k["Iran"])
    assert set(fact.support) >= {"funds"}


def test_endorsed_it_and_authorized_its_creation(nlp):
    facts, k = relations("The Quds Force endorsed the Sabirin movement and authorized "
                         "its creation.")
    [fact] = facts
    assert (fact.subject, fact.predicate, fact.object) == (k["Sabirin"], "sponsored_by",
                                                           k["Quds Force"])
    assert fact.support == ("endorses",)


def test_coalition_list_with_places(nlp):
    facts, k = relations("The Axis of Resistance has grown since 2011. The alliance includes "
                         "groups such as Kataib Hezbollah in Iraq, the Houthis in Yemen, and "
                         "Hamas in Gaza.")
    got = triples(facts)
    axis = k["Axis of Resistance"]
    for group in ("Kataib Hezbollah", "Houthis", "Hamas"):
        assert (k[group], "member_of", axis) in got
    assert (k["Kataib Hezbollah"], "based_in", k["Iraq"]) in got
    assert (k["Houthis"], "based_in", k["Yemen"]) in got
    assert (k["Hamas"], "based_in", k["Gaza"]) in got
    assert (k["Hamas"], "based_in", k["Yemen"]) not in got


def test_whose_leaders_are_based_in(nlp):
    facts, k = relations("The Sabirin movement, whose leaders are based in Lebanon, "
                         "recruits online.")
    assert triples(facts) == {(k["Sabirin"], "based_in", k["Lebanon"])}


def test_cells_in(nlp):
    facts, k = relations("The Sabirin movement has cells in Bahrain and Kuwait.")
    assert triples(facts) == {(k["Sabirin"], "operates_in", k["Bahrain"]),
                              (k["Sabirin"], "operates_in", k["Kuwait"])}


def test_deployed_to(nlp):
    facts, k = relations("Fatemiyoun fighters were deployed to Syria in 2014.")
    assert triples(facts) == {(k["Fatemiyoun"], "operates_in", k["Syria"])}


def test_active_in(nlp):
    facts, k = relations("The Sabirin movement is active in Bahrain.")
    assert triples(facts) == {(k["Sabirin"], "operates_in", k["Bahrain"])}


def test_in_cooperation_with(nlp):
    facts, k = relations("Kataib Hezbollah carried out the attack in cooperation with "
                         "Harakat al-Nujaba.")
    pair = {k["Kataib Hezbollah"], k["Harakat al-Nujaba"]}
    assert [f for f in facts if f.predicate == "allied_with"
            and {f.subject, f.object} == pair]


def test_fight_side_by_side_with(nlp):
    facts, k = relations("Zainabiyoun fighters fought side by side with Hezbollah in Aleppo.")
    assert {(f.predicate, frozenset((f.subject, f.object))) for f in facts} >= {
        ("allied_with", frozenset((k["Zainabiyoun"], k["Hezbollah"])))}


def test_seeks_to_overthrow(nlp):
    facts, k = relations("The Sabirin movement seeks to overthrow the government of Bahrain.")
    assert triples(facts) == {(k["Sabirin"], "opposes", k["Bahrain"])}


def test_its_purpose_to_overthrow(nlp):
    facts, k = relations("The Sabirin movement was founded in 2013 by Hassan Kamali. "
                         "Its purpose is to overthrow the government of Bahrain.")
    got = triples(facts)
    assert (k["Sabirin"], "opposes", k["Bahrain"]) in got
    assert (k["Hassan Kamali"], "founder_of", k["Sabirin"]) in got


def test_called_for_regime_change(nlp):
    facts, k = relations("Hezbollah has called for regime change in Bahrain.")
    assert triples(facts) == {(k["Hezbollah"], "opposes", k["Bahrain"])}


def test_part_of_a_coalition(nlp):
    facts, k = relations("The Sabirin movement is part of the Axis of Resistance.")
    assert triples(facts) == {(k["Sabirin"], "member_of", k["Axis of Resistance"])}


def test_runs_the_channel(nlp):
    facts, k = relations('The Sabirin movement runs the Telegram channel "Sabirin News".')
    assert triples(facts) == {(k["Sabirin"], "operates_channel", "channel:sabirin news")}


def test_names_in_one_sentence_are_not_a_relation(nlp):
    facts, _ = relations("Hezbollah and Hamas were mentioned in a report on Lebanon.")
    assert not facts


def test_type_constraints_drop_nonsense(nlp):
    facts, _ = relations("Lebanon, the founder of the league, hosted the meeting.")
    assert not [f for f in facts if f.predicate in ("founder_of", "leader_of")]


def test_hypothetical_is_marked(nlp):
    facts, k = relations("Should the Sabirin movement move to Kuwait, it would operate "
                         "in Kuwait.")
    assert facts and all(f.rule.endswith(":hypothetical") for f in facts)


def test_one_fact_per_triple_per_sentence(nlp):
    facts, _ = relations("Hezbollah's leader Hassan Nasrallah, the leader of Hezbollah, "
                         "spoke in Beirut.")
    keys = [(f.subject, f.predicate, f.object, f.sentence) for f in facts]
    assert len(keys) == len(set(keys)) == 1


def test_member_is_implied_by_leader(nlp):
    facts, k = relations("Ali Rezaei, a member of the Northern Shield Brigade, is also the "
                         "leader of the Northern Shield Brigade.")
    got = triples(facts)
    assert (k["Ali Rezaei"], "leader_of", k["Northern Shield Brigade"]) in got
    assert (k["Ali Rezaei"], "member_of", k["Northern Shield Brigade"]) not in got


@pytest.mark.parametrize("text", ["", "No names here at all."])
def test_nothing_to_read(nlp, text):
    if not text:
        assert find_relations(load_nlp()(""), [], []) == []
        return
    facts, _ = relations(text)
    assert facts == []


def test_a_group_in_a_country(nlp):
    facts, k = relations("The Sabirin Brigade is an armed group in Moldova.")
    assert (k["Sabirin Brigade"], "operates_in", k["Moldova"]) in triples(facts)
    facts, k = relations("Moldova's Sabirin movement held a rally.")
    assert (k["Sabirin"] if "Sabirin" in k else k["Sabirin movement"], "operates_in",
            k["Moldova"]) not in triples(facts)


def test_fighters_enrolled_in_a_coalition(nlp):
    facts, k = relations("The Sabirin Brigade's fighters are enrolled in the Popular Defence "
                         "Forces.")
    assert (k["Sabirin Brigade"], "member_of", k["Popular Defence Forces"]) in triples(facts)


def test_a_linked_group(nlp):
    facts, k = relations("The Hezbollah-linked Sabirin Brigade claimed the attack.")
    assert {(k["Hezbollah"], "allied_with", k["Sabirin Brigade"]),
            (k["Sabirin Brigade"], "allied_with", k["Hezbollah"])} & triples(facts)


def test_where_a_group_struck_is_where_it_operates():
    from actorgraph.extract.rules_en.relations.active import active_in
    from actorgraph.model import EventFact

    def event(etype, location, targets=(), mode=None):
        return EventFact(etype, 0, "struck", 0, 6, "verb_strike", mode,
                         ("organization:sabirin",), targets, location)
    found = active_in([event("ASSAULT", "country:kenya"),
                       event("ASSAULT", "country:israel", ("country:israel",)),
                       event("ASSAULT", "country:cyprus", mode="plot"),
                       event("ACCUSE", "country:chad")])
    assert [(r.subject, r.predicate, r.object) for r in found] == [
        ("organization:sabirin", "operates_in", "country:kenya")]


def test_a_role_holder_known_by_a_name(nlp):
    facts, k = relations("A drone killed a Sabirin Brigade commander known as Abu Yasir.")
    assert (k["Abu Yasir"], "member_of", k["Sabirin Brigade"]) in triples(facts)


def test_emerged_as_the_wing_of(nlp):
    facts, k = relations("The Sabirin Brigade emerged in 2006 as the armed wing of the Union "
                         "of Islamic Courts.")
    assert (k["Sabirin Brigade"], "member_of", k["Union of Islamic Courts"]) in triples(facts)


def test_a_group_that_seized_a_city_operates_there():
    from actorgraph.extract.rules_en.relations.active import active_in
    from actorgraph.model import EventFact
    seized = EventFact("ASSAULT", 0, "seized", 0, 6, "verb_seize", "occupy",
                       ("organization:sabirin",), ("place:tiraspol",), None)
    assert [(r.object, r.rule) for r in active_in([seized])] == [
        ("place:tiraspol", "acts_in:occupy")]


def test_a_known_head_of_state_given_the_title_leads_the_state(nlp):
    facts, k = relations("President Vladimir Putin blamed Ukraine for the attack.")
    assert (k["Vladimir Putin"], "leader_of", "country:russia") in triples(facts)
    # the title must be the one the gazetteer gives: a president is not a king
    facts, k = relations("King Vladimir Putin blamed Ukraine for the attack.")
    assert not [f for f in facts if f.predicate == "leader_of"]
    # a person the gazetteer does not know is not given a state
    facts, _ = relations("President Amadou Touré blamed the rebels.")
    assert not [f for f in facts if f.predicate == "leader_of"]


def test_a_commander_is_one_of_its_commanders_the_commander_leads(nlp):
    facts, k = relations("Karim Haddadi was a former commander of the Sabirin Brigade.")
    assert (k["Karim Haddadi"], "member_of", k["Sabirin Brigade"]) in triples(facts)
    facts, k = relations("Karim Haddadi, the commander of the Sabirin Brigade, spoke.")
    assert (k["Karim Haddadi"], "leader_of", k["Sabirin Brigade"]) in triples(facts)


def test_who_is_accused_of_backing_a_group_backs_it(nlp):
    facts, k = relations("Armenian officials accused Georgia of backing the Sabirin Brigade.")
    assert (k["Sabirin Brigade"], "sponsored_by", k["Georgia"]) in triples(facts)
    assert not [f for f in facts if f.object == "country:armenia"]


def test_the_group_is_the_one_the_title_names_not_one_named_in_passing(nlp):
    text = ("The Sabirin Brigade after the war\n\nThe Sabirin Brigade grew in 2015. Its first "
            "leader, Karim Haddadi, once served the Northern Front. The Sabirin Brigade "
            "recruited widely. The group built its base in Tiraspol province.")
    facts, k = relations(text)
    based = {(f.subject, f.object) for f in facts if f.predicate == "based_in"}
    assert based == {(k["Sabirin Brigade"], k["Tiraspol"])}


# -- who leads and who belongs: titles of office, deputies, kin (issue 12) ---------------


def test_prime_minister_in_apposition_leads_the_region(nlp):
    facts, k = relations("Leila Haddad, prime minister of the Garmian Region, condemned the raid.")
    assert (k["Leila Haddad"], "leader_of", k["Garmian Region"]) in triples(facts)


def test_demonym_prime_minister_leads_the_state(nlp):
    facts, k = relations("Moldovan Prime Minister Ion Rusu met the envoy in Chisinau.")
    assert (k["Ion Rusu"], "leader_of", "country:moldova") in triples(facts)


def test_a_deputy_commander_is_a_member_not_the_leader(nlp):
    facts, k = relations("Ali Fadl, the Sabirin Brigade's deputy commander, was killed.")
    got = triples(facts)
    assert (k["Ali Fadl"], "member_of", k["Sabirin Brigade"]) in got
    assert (k["Ali Fadl"], "leader_of", k["Sabirin Brigade"]) not in got


def test_chief_executive_leads_the_company(nlp):
    facts, k = relations("The Orvane Holding company denied the report. Its chief executive, "
                         "Anna Berg, said the firm had sold no radios.")
    assert (k["Anna Berg"], "leader_of", k["Orvane Holding"]) in triples(facts)


def test_kin_are_not_associates(nlp):
    # associate_of is two persons working together (ontology); kinship is not that
    facts, _ = relations("Omar Haddadi, Karim Haddadi's cousin, was arrested in Tunis.")
    assert not [f for f in facts if f.predicate == "associate_of"]


def test_named_as_its_leader(nlp):
    facts, k = relations("The Sabirin Brigade named Ali Fadl as its new leader.")
    assert (k["Ali Fadl"], "leader_of", k["Sabirin Brigade"]) in triples(facts)


def test_elected_the_states_president(nlp):
    facts, k = relations("Lukas Brandt, elected Moldova's president in May, met the envoy.")
    assert (k["Lukas Brandt"], "leader_of", k["Moldova"]) in triples(facts)


def test_a_minister_of_a_portfolio_heads_that_ministry(nlp):
    facts, k = relations("The Garmian Interior Ministry said the road was closed. Garmian "
                         "Interior Minister Dara Aziz told reporters that two men were held.")
    assert (k["Dara Aziz"], "leader_of", k["Garmian Interior Ministry"]) in triples(facts)
    facts, k = relations("The Ministry of Health counted the wounded. Deputy Health Minister "
                         "Rami Saad visited the hospital.")
    got = triples(facts)
    assert (k["Rami Saad"], "member_of", k["Ministry of Health"]) in got
    assert (k["Rami Saad"], "leader_of", k["Ministry of Health"]) not in got


def test_a_foreign_minister_does_not_lead_the_state(nlp):
    facts, k = relations("Ion Rusu, Moldova's foreign minister, flew to Kyiv.")
    assert not [f for f in facts if f.predicate == "leader_of"]


def test_state_cooperation_with_a_list_of_states(nlp):
    facts, k = relations("Azerbaijan has enhanced its military cooperation with Israel, "
                         "Turkey and Pakistan.")
    pairs = {frozenset((f.subject, f.object)) for f in facts if f.predicate == "allied_with"}
    for other in ("Israel", "Turkey", "Pakistan"):
        assert frozenset((k["Azerbaijan"], k[other])) in pairs


def test_members_listed_after_a_colon(nlp):
    facts, k = relations("Police arrested four members of the Sabirin Brigade: Ali Fadl, "
                         "Omar Haddad, Sami Nasser and Hadi Karam.")
    for name in ("Ali Fadl", "Omar Haddad", "Sami Nasser", "Hadi Karam"):
        assert (k[name], "member_of", k["Sabirin Brigade"]) in triples(facts)


def test_a_successor_leads_what_the_predecessor_led(nlp):
    facts, k = relations("Karim Haddadi led the Sabirin Brigade until 2019. His successor, "
                         "Ali Fadl, was killed a year later.")
    assert (k["Ali Fadl"], "leader_of", k["Sabirin Brigade"]) in triples(facts)
    facts, k = relations("Ali Fadl has led the Sabirin Brigade since 2020, when he succeeded "
                         "Karim Haddadi.")
    assert (k["Karim Haddadi"], "leader_of", k["Sabirin Brigade"]) in triples(facts)
    # with no post named for either, nothing is read
    facts, _ = relations("Ali Fadl succeeded Karim Haddadi in 2020.")
    assert not facts


def test_succeeded_his_father_as_president(nlp):
    facts, k = relations("Lukas Brandt has led Moldova since 2003, when he succeeded his "
                         "uncle, Petru Brandt, as president.")
    assert (k["Petru Brandt"], "leader_of", k["Moldova"]) in triples(facts)


def test_hyphenated_title_whose_of_phrase_hangs_on_its_second_part(nlp):
    facts, k = relations("The Sabirin Brigade (SBR) denied the claim. Hadi Karam, "
                         "secretary-general of SBR, warned the government.")
    assert (k["Hadi Karam"], "leader_of", k["Sabirin Brigade"]) in triples(facts)


def test_a_known_head_of_state_with_a_two_word_title(nlp):
    facts, k = relations("On Sunday, Supreme Leader Ayatollah Ali Khamenei declared three days "
                         "of mourning.")
    assert (k["Ali Khamenei"], "leader_of", "country:iran") in triples(facts)
    facts, k = relations("The statement came from Omer Levi, spokesman for Prime Minister "
                         "Benjamin Netanyahu.")
    assert (k["Benjamin Netanyahu"], "leader_of", "country:israel") in triples(facts)


def test_a_commands_area_is_not_what_the_commander_leads(nlp):
    facts, _ = relations("Col. Karim Dastani arrived in Amman. Reports describe him as the "
                         "Quds Force's commander for Jordan and Yemen.")
    led = {(s, o) for s, p, o in triples(facts) if p == "leader_of"}
    assert ("person:karim dastani", "organization:quds force") in led
    assert not {o for _, o in led} & {"country:jordan", "country:yemen"}
