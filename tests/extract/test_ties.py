"""Sponsorship, alliance and place said in passing (issue 12), on sentences written for
these tests: hyphenated modifiers, apposition, coordination with a shared participle,
demonyms on group nouns."""
from __future__ import annotations

from .test_relations import relations, triples


def test_capital_before_a_backing_participle_names_its_state(nlp):
    facts, k = relations("Asaib Ahl al-Haq, a Tehran-sponsored faction, denied the report.")
    assert (k["Asaib Ahl al-Haq"], "sponsored_by", "country:iran") in triples(facts)


def test_city_before_based_is_where_the_group_sits(nlp):
    facts, k = relations("Asaib Ahl al-Haq, a Basra-based faction, denied the report.")
    assert (k["Asaib Ahl al-Haq"], "based_in", k["Basra"]) in triples(facts)


def test_quantifier_after_a_list_shares_the_participle(nlp):
    facts, k = relations("Hezbollah, the Houthis and Kataib Hezbollah, all financed by Iran, "
                         "sent envoys to the meeting.")
    got = triples(facts)
    for name in ("Hezbollah", "Houthis", "Kataib Hezbollah"):
        assert (k[name], "sponsored_by", k["Iran"]) in got


def test_demonym_on_a_group_noun_in_apposition(nlp):
    facts, k = relations("Kataib Sayyid al-Shuhada, a Syrian armed faction, shelled the town.")
    assert (k["Kataib Sayyid al-Shuhada"], "based_in", "country:syria") in triples(facts)


def test_demonym_on_a_group_noun_before_the_name(nlp):
    facts, k = relations("The Lebanese movement Amal held a rally in Tyre.")
    assert (k["Amal"], "based_in", "country:lebanon") in triples(facts)


def test_demonym_of_the_sponsor_is_not_the_home(nlp):
    facts, k = relations("Asaib Ahl al-Haq, an Iranian-backed militia, denied the report.")
    got = triples(facts)
    assert (k["Asaib Ahl al-Haq"], "sponsored_by", "country:iran") in got
    assert not any(p == "based_in" for _, p, _ in got)


def test_operating_in_two_coordinated_places(nlp):
    facts, k = relations("Asaib Ahl al-Haq has fought in Yemen and in Lebanon.")
    got = triples(facts)
    assert (k["Asaib Ahl al-Haq"], "operates_in", k["Yemen"]) in got
    assert (k["Asaib Ahl al-Haq"], "operates_in", k["Lebanon"]) in got


def test_active_verb_coordinated_with_a_passive_shares_its_subject(nlp):
    facts, k = relations("Kataib Hezbollah is financed by Iran and operates in Yemen.")
    got = triples(facts)
    assert (k["Kataib Hezbollah"], "sponsored_by", k["Iran"]) in got
    assert (k["Kataib Hezbollah"], "operates_in", k["Yemen"]) in got


def test_hyphenated_sponsor_covers_the_coordinated_names(nlp):
    facts, k = relations("The Iran-funded Kataib Hezbollah and Asaib Ahl al-Haq denied it.")
    got = triples(facts)
    assert (k["Kataib Hezbollah"], "sponsored_by", k["Iran"]) in got
    assert (k["Asaib Ahl al-Haq"], "sponsored_by", k["Iran"]) in got


def test_a_demonym_group_noun_referring_back_places_nothing(nlp):
    facts, _ = relations("Kataib Hezbollah has trained with the Lebanese group in Syria.")
    assert not any(p == "based_in" for _, p, _ in triples(facts))


def test_two_demonyms_on_one_group_noun_place_nothing(nlp):
    facts, _ = relations("Syrian and Lebanese militias such as Amal and Kataib Hezbollah "
                         "sent fighters.")
    assert not any(p == "based_in" for _, p, _ in triples(facts))


def test_floating_quantifier_shares_a_passive_over_the_list(nlp):
    facts, k = relations("Amal, Kataib Hezbollah and the Houthis are all backed by Iran.")
    got = triples(facts)
    for name in ("Amal", "Kataib Hezbollah", "Houthis"):
        assert (k[name], "sponsored_by", k["Iran"]) in got


def test_plural_demonym_group_noun_after_a_list(nlp):
    facts, k = relations("Amal and Kataib Hezbollah, two Syrian factions, denied it.")
    got = triples(facts)
    assert (k["Amal"], "based_in", "country:syria") in got
    assert (k["Kataib Hezbollah"], "based_in", "country:syria") in got


def test_sending_fighters_somewhere_is_operating_there(nlp):
    facts, k = relations("Kataib Hezbollah dispatched hundreds of fighters to Yemen in 2016.")
    assert (k["Kataib Hezbollah"], "operates_in", k["Yemen"]) in triples(facts)


def test_fighters_of_a_group_in_a_place(nlp):
    facts, k = relations("Fighters of Kataib Hezbollah in eastern Syria withdrew.")
    assert (k["Kataib Hezbollah"], "operates_in", k["Syria"]) in triples(facts)


def test_a_demonym_list_after_a_semicolon_places_only_its_own_items(nlp):
    facts, k = relations("Its allies are Amal in Lebanon; the Houthis in Yemen; Syrian factions "
                         "such as Liwa al-Baqir and Kataib Hezbollah.")
    got = triples(facts)
    assert (k["Amal"], "based_in", "country:syria") not in got
    assert (k["Houthis"], "based_in", "country:syria") not in got


def test_where_after_a_place_is_that_place(nlp):
    facts, k = relations("Kataib Hezbollah grew out of the insurgency in Yemen, where its "
                         "fighters operated for years.")
    assert (k["Kataib Hezbollah"], "operates_in", k["Yemen"]) in triples(facts)


def test_one_of_the_demonym_groups(nlp):
    facts, k = relations("Analysts regard Kataib Hezbollah as one of the most radical "
                         "Yemeni militias.")
    assert (k["Kataib Hezbollah"], "based_in", "country:yemen") in triples(facts)
    facts, k = relations("Amal is one of the oldest Lebanese parties.")
    assert (k["Amal"], "based_in", "country:lebanon") in triples(facts)


def test_a_group_that_governs_a_place_operates_there(nlp):
    facts, k = relations("Amal, which has governed Tyre since 1990, denied the report.")
    assert (k["Amal"], "operates_in", k["Tyre"]) in triples(facts)
    facts, k = relations("Hezbollah controls Baalbek and the border crossings.")
    assert (k["Hezbollah"], "operates_in", k["Baalbek"]) in triples(facts)


def test_a_person_who_governs_a_place_is_not_placed_by_this_rule(nlp):
    facts, _ = relations("Karim Haddadi has governed Tyre since 1990.")
    assert not any(p == "operates_in" for _, p, _ in triples(facts))


def test_holding_a_state_responsible_is_not_holding_territory(nlp):
    facts, _ = relations("Amal held Syria responsible for the blast in Tyre.")
    assert not any(p == "operates_in" for _, p, _ in triples(facts))
    facts, k = relations("Hezbollah controls southern Lebanon.")
    assert (k["Hezbollah"], "operates_in", k["Lebanon"]) in triples(facts)
