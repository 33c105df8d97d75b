"""Accounts a report sets against each other, on texts written for these tests."""
from __future__ import annotations

from actorgraph.extract.rules_en.claims.disputes import find_disputes

from .helpers import parsed


def disputes(text: str):
    state = parsed(text)
    found = find_disputes(state.doc, state.sentences, state.mentions)
    return [(d.disputed, d.sentence, d.also, d.rule) for d in found]


def test_a_different_account_answers_the_statement_before():
    text = ("The Moldovan interior minister called the fire an act of sabotage. "
            "Officials in Tiraspol gave a different account: a spokesman said that a "
            "faulty cable had caused it.")
    assert disputes(text) == [(0, 1, (), "counter_account")]


def test_a_short_cue_sentence_leaves_its_content_to_the_next():
    text = ("The government said the Sabirin Brigade carried out the bombing. "
            "The brigade tells a different story. It denied any part in the attack.")
    assert disputes(text) == [(0, 1, (2,), "counter_account")]


def test_an_account_that_did_not_hold():
    text = ("The ministry said that nobody had been hurt. That account did not hold: "
            "hospitals later reported twelve wounded.")
    assert disputes(text) == [(0, 1, (), "account_failed")]


def test_a_place_denied():
    text = ("A drone struck a depot in eastern Armenia on Monday. Nobody claimed it. "
            "An Armenian spokesman said the drone had hit a site across the river in "
            "Georgia, not on Armenian soil.")
    assert disputes(text) == [(0, 2, (), "place_denied")]


def test_no_dispute_without_a_cue_or_an_earlier_statement():
    assert disputes("The minister said the fire was sabotage. The fire burned for a day.") == []
    assert disputes("Floods hit the valley. Residents tell a different story.") == []
    # whose account is answered is named, and is not the sentence before: left alone
    assert disputes("The minister said the fire was sabotage. Chisinau's account differed "
                    "from Kyiv's.") == []
    # a place said, not denied
    assert disputes("The strike hit a depot in Moldova. The ministry said it was in "
                    "Moldova.") == []


def test_a_denial_answers_the_account_of_its_subject():
    text = ("US officials said that Armenia supplied the drones used in the attacks. "
            "A UN panel traced the parts to a factory. Armenia denies arming the group.")
    assert disputes(text) == [(0, 2, (), "denied")]
    # nobody named in the denial was in the account before: no pair
    assert disputes("The market burned on Monday. Armenia denies arming the group.") == []


# -- a person said to be safe and said to be dead; an account first given, then revised ----

def test_a_person_said_to_be_safe_and_then_said_to_be_dead():
    text = ("An aide to Omar Bashiri told reporters on Saturday that Bashiri was unharmed. "
            "The army said the raid on the compound had been a success. "
            "On Sunday the movement confirmed the death of Omar Bashiri.")
    assert disputes(text) == [(0, 2, (), "fate")]


def test_a_person_who_survived_one_attack_and_died_in_none_is_no_dispute():
    text = ("Omar Bashiri survived the ambush near Kufra. Two of his guards were killed. "
            "Bashiri later left for Benghazi.")
    assert [d for d in disputes(text) if d[3] == "fate"] == []


def test_an_account_first_given_then_revised_by_another_speaker():
    text = ("The provincial police first reported a mortar attack on the depot. "
            "The governor's office later said a small quadcopter carrying explosives had "
            "struck it.")
    assert disputes(text) == [(0, 1, (), "account_revised")]


def test_first_as_an_order_of_events_is_no_revision():
    text = ("The rebels first attacked the depot. Then they moved on to the airport.")
    assert disputes(text) == []


def test_an_account_first_given_and_revised_in_one_sentence():
    text = ("The port authority first reported a fire on the tanker; shortly afterwards the navy "
            "said a limpet mine had holed its hull. Nobody has claimed the attack.")
    assert disputes(text) == [(0, 0, (), "account_revised")]


def test_a_first_account_is_not_revised_by_the_next_statement_on_another_matter():
    text = ("The ministry initially reported 40 dead. A rebel group claimed the attack, and the "
            "envoy said the rebels were responsible.")
    assert disputes(text) == []


def test_two_first_accounts_do_not_revise_each_other():
    text = ("The Red Hand initially claimed the bombing. Police first said that forty people had "
            "died, and later raised the toll.")
    assert [d for d in disputes(text) if d[3] == "account_revised"] == []


def test_reports_of_a_death_never_confirmed_do_not_say_the_person_is_dead():
    text = ("Reports in 2019 that Omar Bashiri had been killed were never confirmed. "
            "Most observers believe he is alive.")
    assert [d for d in disputes(text) if d[3] == "fate"] == []


def test_a_denial_by_the_head_of_the_firm_named_as_the_maker():
    text = ("Ardent Systems said the radios had been designed and assembled by Korvan Trading, a "
            "firm in Sofia. Korvan Trading's chief executive, Ilse Marek, also denied on Tuesday "
            "that her firm built the radios, saying it was only a broker.")
    assert disputes(text) == [(0, 1, (), "denied")]


def test_a_denial_by_an_organ_of_the_state_an_adjective_named():
    text = ("Defence Secretary Lloyd Harmon said a Moldovan inquiry had helped the allies "
            "choose their targets. Moldova's interior ministry denied that any information "
            "had been shared.")
    assert disputes(text) == [(0, 1, (), "denied")]


def test_a_denial_by_a_body_named_by_the_short_form_of_its_name():
    text = ("Ardent Systems said the radios had been designed and assembled by Korvan Trading, a "
            "firm in Sofia. Korvan's chief executive, Ilse Marek, denied that her firm built the "
            "radios.")
    assert disputes(text) == [(0, 1, (), "denied")]
