"""Event classes and the constructions that only look like events, on sentences written
for these tests (invented names; not the annotated texts)."""
from __future__ import annotations

from actorgraph.extract.rules_en.events.stage import find_events

from .helpers import parsed


def events(text: str):
    state = parsed(text)
    found = [e for e in find_events(state.doc, state.sentences, state.mentions)
             if not e.rule.endswith(":hypothetical")]
    return found, {m.text: m.key for m in state.mentions}


def of_type(found, etype: str):
    return [e for e in found if e.type == etype]


# -- what is not an event of its own ---------------------------------------------------------

def test_the_risk_of_attacks_is_no_attack(nlp):
    found, _ = events("Analysts see a growing risk of rocket and drone attacks on the "
                      "airport in Baghdad during the talks.")
    assert of_type(found, "ASSAULT") == []
    found, _ = events("Police in Oslo spoke of the danger of a bombing in Bergen.")
    assert of_type(found, "ASSAULT") == []


def test_an_act_named_as_a_clause_subject_is_a_topic(nlp):
    found, _ = events("Lena Voss, leader of the Tarkan Front, warned that accusing the "
                      "militias of the bombing risked dragging Norway into a war.")
    assert of_type(found, "ACCUSE") == []
    found, _ = events("Blaming Norway for the ambush would only help the Tarkan Front, "
                      "Ivo Berg said.")
    assert of_type(found, "ACCUSE") == []


def test_the_act_an_accusation_charges_is_not_asserted(nlp):
    found, k = events("Ivo Berg accused Norway of setting out to kill thousands of people.")
    assert of_type(found, "ASSAULT") == []
    (e,) = of_type(found, "ACCUSE")
    assert e.targets == (k["Norway"],)


def test_deaths_in_an_accident_are_no_assault(nlp):
    found, _ = events("An army helicopter came down in fog near Tarsa, killing all nine "
                      "people aboard, General Ole Brun among them.")
    assert of_type(found, "ASSAULT") == []
    found, _ = events("The ferry capsized outside Bergen on Sunday, killing Arvo Lind "
                      "and eleven others.")
    assert of_type(found, "ASSAULT") == []


def test_a_participle_describing_a_noun_tells_no_act(nlp):
    found, _ = events("Roadside bombs hit convoys supplying Norwegian troops near Kabul.")
    assert of_type(found, "AID") == []


def test_killed_in_the_same_attack_is_that_attack(nlp):
    found, k = events("A drone strike hit a depot in Kabul on Monday, killing commander "
                      "Arvo Lind. His deputy, Jaan Tamm, was killed in the same attack.")
    (e,) = of_type(found, "ASSAULT")
    assert set(e.targets) == {k["Arvo Lind"], k["Jaan Tamm"]}


def test_a_verb_and_the_noun_in_its_phrase_are_one_event(nlp):
    found, k = events("Arvo Lind was sentenced to life imprisonment in Oslo.")
    (e,) = of_type(found, "COERCE")
    assert e.targets == (k["Arvo Lind"],)
    found, k = events("Jaan Tamm, the group's deputy, was killed in a drone strike in "
                      "Helmand.")
    (e,) = of_type(found, "ASSAULT")
    assert e.targets == (k["Jaan Tamm"],)


def test_a_headline_participle_is_passive(nlp):
    found, k = events("Tarkan Front confirms Arvo Lind killed in Kabul strike")
    (e,) = of_type(found, "ASSAULT")
    assert e.targets == (k["Arvo Lind"],) and k["Arvo Lind"] not in e.actors


def test_future_and_negated_acts_are_no_events(nlp):
    found, _ = events("Norway said it would retaliate against the Tarkan Front.")
    assert of_type(found, "ASSAULT") == []
    found, _ = events("The Tarkan Front had not struck the base in Baghdad.")
    assert found == []


# -- classes of events ------------------------------------------------------------------------

def test_holding_someone_responsible_accuses_them(nlp):
    found, k = events("In a statement on Monday, the Tarkan Front held Norway fully "
                      "responsible for the blasts.")
    (e,) = of_type(found, "ACCUSE")
    assert e.actors == (k["Tarkan Front"],) and e.targets == (k["Norway"],)
    found, k = events("Ivo Berg holds the Tarkan Front accountable for the ambush.")
    (e,) = of_type(found, "ACCUSE")
    assert e.targets == (k["Tarkan Front"],)


def test_vowing_that_someone_will_be_punished_threatens_them(nlp):
    found, k = events("The Tarkan Front vowed that Norway would be punished.")
    (e,) = of_type(found, "THREATEN")
    assert e.actors == (k["Tarkan Front"],) and e.targets == (k["Norway"],)
    found, k = events("Ivo Berg warned that the Tarkan Front would pay a heavy price.")
    (e,) = of_type(found, "THREATEN")
    assert e.targets == (k["Tarkan Front"],)


def test_a_negated_statement_of_the_speaker_is_a_denial(nlp):
    found, k = events("Its founder, Arvo Lind, told reporters in Oslo that his company had "
                      "not built the drones.")
    (e,) = of_type(found, "REJECT")
    assert e.actors == (k["Arvo Lind"],)
    found, k = events("Government spokesman Ole Brun said that the rifles had never been in "
                      "Norway.")
    (e,) = of_type(found, "REJECT")
    assert e.actors == (k["Ole Brun"],)


def test_a_sentence_received_or_given_is_a_coercion(nlp):
    found, k = events("Arvo Lind received life imprisonment for organising the ambush; "
                      "Jaan Tamm, the gunman, was given 20 years.")
    targets = {t for e in of_type(found, "COERCE") for t in e.targets}
    assert {k["Arvo Lind"], k["Jaan Tamm"]} <= targets
    assert all(e.mode == "imprison" for e in of_type(found, "COERCE"))


def test_condolences_to_someone_honour_them(nlp):
    found, k = events("Ivo Berg offered his condolences to Norway.")
    (e,) = of_type(found, "SUPPORT")
    assert e.actors == (k["Ivo Berg"],) and e.targets == (k["Norway"],)
    found, k = events("Lena Voss signed the book of condolences at the Norwegian embassy "
                      "in Baghdad.")
    (e,) = of_type(found, "SUPPORT")
    assert e.actors == (k["Lena Voss"],) and "country:norway" in e.targets


def test_saying_someone_was_involved_accuses_them(nlp):
    found, k = events("Ivo Berg suggested that Norway had been involved in the bombing.")
    (e,) = of_type(found, "ACCUSE")
    assert e.actors == (k["Ivo Berg"],) and e.targets == (k["Norway"],)
    found, k = events("Lena Voss said the Tarkan Front was behind the ambush.")
    (e,) = of_type(found, "ACCUSE")
    assert e.targets == (k["Tarkan Front"],)


def test_a_negated_allegation_is_a_denial(nlp):
    found, k = events("Lena Voss alleged that Ivo Berg had not been in Oslo when the bomb "
                      "went off.")
    assert of_type(found, "ACCUSE") == []
    (e,) = of_type(found, "REJECT")
    assert e.actors == (k["Lena Voss"],)


def test_a_phase_of_a_withdrawal_tells_the_withdrawal(nlp):
    found, k = events("Norway completed the first phase of its withdrawal from Mali at the "
                      "end of June.")
    (e,) = of_type(found, "RETREAT")
    assert e.actors == (k["Norway"],)


def test_declaring_war_or_targets_threatens(nlp):
    found, k = events("President Ivo Berg declared all-out war on the Tarkan Front.")
    (e,) = of_type(found, "THREATEN")
    assert e.actors == (k["Ivo Berg"],) and e.targets == (k["Tarkan Front"],)
    found, k = events("The Tarkan Front declared Norwegian ships legitimate targets.")
    (e,) = of_type(found, "THREATEN")
    assert e.actors == (k["Tarkan Front"],) and "country:norway" in e.targets


def test_saying_oneself_was_responsible_concedes(nlp):
    found, k = events("After months of silence, Norway said that it was responsible for "
                      "the raid.")
    assert of_type(found, "ACCUSE") == []
    (e,) = of_type(found, "CONCEDE")
    assert e.actors == (k["Norway"],)


def test_calling_an_act_someone_s_accuses_them(nlp):
    found, k = events("Ivo Berg called the bombing a Swedish attack.")
    (e,) = of_type(found, "ACCUSE")
    assert e.actors == (k["Ivo Berg"],) and e.targets == ("country:sweden",)
    found, k = events("Lena Voss condemned what she called a terrorist act by the Tarkan "
                      "Front.")
    assert len(found) == 1 and found[0].type in ("PROTEST", "ACCUSE")
    assert found[0].targets == (k["Tarkan Front"],)


def test_held_responsible_read_as_a_clause(nlp):
    found, k = events("In a statement on Monday, the Tarkan Front held Norway fully "
                      "responsible and vowed revenge.")
    (e,) = of_type(found, "ACCUSE")
    assert e.targets == (k["Norway"],)


def test_a_threat_against_it_is_not_against_the_threatener(nlp):
    found, k = events("In a statement on Monday, the Tarkan Front held Norway fully "
                      "responsible and vowed that it would be punished.")
    (e,) = of_type(found, "THREATEN")
    assert e.actors == (k["Tarkan Front"],) and e.targets == (k["Norway"],)


# -- dates counted from an act told before ----------------------------------------------------

def dated(text: str, published: str):
    from actorgraph.extract.rules_en.pipeline import STAGES

    state = parsed(text, published=published)
    for stage in STAGES[[s.name for s in STAGES].index("corefer") + 1:]:
        stage.func(state)
    return state.events


def test_days_after_the_attack_count_from_the_attack(nlp):
    found = dated("Gunmen of the Tarkan Front attacked a police post in Oslo on 3 March.\n\n"
                  "The Front is small.\n\nIts leader lives abroad.\n\n"
                  "Ten days after the attack, Norwegian jets bombed Tarkan Front camps in "
                  "Syria.", "2025-04-02")
    (late,) = [e for e in found if e.trigger == "bombed"]
    assert late.date is not None and late.date.value == "2025-03-13"


def test_that_night_is_the_night_of_the_act_it_answers(nlp):
    found = dated("Gunmen of the Tarkan Front attacked a police post in Oslo on 3 March.\n\n"
                  "The Front is small.\n\nIts leader lives abroad.\n\n"
                  "Prime Minister Ivo Berg condemned the attack that night.", "2025-04-02")
    (e,) = [e for e in found if e.type == "PROTEST"]
    assert e.date is not None and e.date.value == "2025-03-03"


def test_the_plural_personae_non_gratae_expels(nlp):
    found, k = events("On 4 May Norway declared three Swedish embassy staff personae non "
                      "gratae.")
    (e,) = of_type(found, "COERCE")
    assert e.mode == "expel" and e.actors == (k["Norway"],)


def test_saying_someone_was_recruited_or_ordered_by_x_accuses_x(nlp):
    found, k = events("Norway said the gunmen had been recruited by the Tarkan Front.")
    (e,) = of_type(found, "ACCUSE")
    assert e.actors == (k["Norway"],) and e.targets == (k["Tarkan Front"],)
    found, k = events("Lena Voss said that the cell had acted on the orders of the Tarkan "
                      "Front.")
    (e,) = of_type(found, "ACCUSE")
    assert e.targets == (k["Tarkan Front"],)


def test_claiming_the_attack_names_who_did_the_attack_told_before(nlp):
    found, k = events("A rocket killed Arvo Lind in Bergen on Monday. "
                      "The Tarkan Front claimed the attack.")
    (e,) = of_type(found, "ASSAULT")
    assert k["Tarkan Front"] in e.actors and k["Arvo Lind"] in e.targets


def test_an_act_named_as_a_time_reference_is_no_new_event(nlp):
    found, _ = events("Radios exploded across Norway a day after pager blasts.")
    assert [e.trigger for e in of_type(found, "ASSAULT")] == ["exploded"] or \
        of_type(found, "ASSAULT") == []


def test_attacks_named_in_a_title_are_no_event(nlp):
    found, _ = events("Plausible deniability: front groups and the rocket attacks in Bergen")
    assert of_type(found, "ASSAULT") == []


def test_one_verdict_for_several_convicts_is_one_event(nlp):
    found, k = events("Arvo Lind received life imprisonment; Jaan Tamm, the gunman, was "
                      "given 20 years.")
    (e,) = of_type(found, "COERCE")
    assert set(e.targets) == {k["Arvo Lind"], k["Jaan Tamm"]}


def test_a_claim_refers_to_the_act_just_told_not_an_older_one(nlp):
    found, k = events("In 2019 the Tarkan Front bombed a mosque in Bergen. The group grew. "
                      "Its leader moved abroad. Last week bombs exploded among mourners, and "
                      "the Sami Brigade claimed the attack.")
    bergen = [e for e in of_type(found, "ASSAULT") if e.location == k["Bergen"]]
    assert bergen and k["Sami Brigade"] not in bergen[0].actors


def test_a_claim_in_a_sentence_with_its_own_date_is_a_new_act(nlp):
    found, k = events("The Tarkan Front bombed a mosque in Bergen in 2019. In January this "
                      "year, bombs exploded among mourners, and the Sami Brigade claimed the "
                      "attack.")
    bergen = [e for e in of_type(found, "ASSAULT") if e.location == k["Bergen"]]
    assert bergen and k["Sami Brigade"] not in bergen[0].actors


def test_acts_inside_a_description_are_not_told(nlp):
    found, k = events("Norwegian jets struck a depot of the Tarkan Front on Monday, and the "
                      "ministry described the raid as a response to recent attacks on "
                      "Norwegian soldiers in Mali.")
    assert [e.trigger for e in of_type(found, "ASSAULT")] == ["struck"]


def test_an_act_owned_by_a_weekday_is_dated_to_it(nlp):
    found = dated("The Tarkan Front on Saturday confirmed the death of Arvo Lind in Friday "
                  "evening's Norwegian air raid on Bergen.", "2025-03-10")
    (e,) = [e for e in found if e.type == "ASSAULT"]
    assert e.date is not None and e.date.value == "2025-03-07"


def test_an_act_told_again_the_same_day_is_one_event(nlp):
    found = dated("Norwegian jets killed Arvo Lind in Bergen on 7 March.\n\n"
                  "Witnesses said an air strike in Bergen on 7 March flattened a school.",
                  "2025-03-10")
    assaults = [e for e in found if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].date is not None
    assert assaults[0].date.value == "2025-03-07"


def test_two_acts_of_one_day_in_two_places_stay_two(nlp):
    found = dated("On 3 March Norwegian jets bombed a depot in Bergen. On 3 March the "
                  "Tarkan Front shelled a village in Tromso.", "2025-03-10")
    assert len([e for e in found if e.type == "ASSAULT"]) == 2


def test_the_demonym_of_an_attack_noun_acts(nlp):
    found, k = events("Officials counted the dead after a Swedish air raid on Bergen.")
    (e,) = of_type(found, "ASSAULT")
    assert "country:sweden" in e.actors


def test_a_weekday_act_without_a_date_counts_from_the_act_before(nlp):
    found = dated("Norwegian jets bombed a depot in Bergen on 7 March.\n\n"
                  "Officials said nine people were killed in Wednesday's strikes on Tromso.",
                  "2025-03-10")
    (e,) = [e for e in found if e.trigger in ("killed", "strikes")]
    assert e.date is not None and e.date.value == "2025-03-05"


def test_suggesting_someone_struck_accuses_them(nlp):
    found, k = events("Ivo Berg suggested that the Tarkan Front had struck again.")
    (e,) = of_type(found, "ACCUSE")
    assert e.actors == (k["Ivo Berg"],) and e.targets == (k["Tarkan Front"],)
    found, k = events("The ministry said that Norwegian jets struck the depot.")
    assert of_type(found, "ACCUSE") == []


def test_an_entry_of_a_digest_dates_what_it_tells(nlp):
    found = dated("Weekly incident digest\n\n"
                  "3 Oct - Tyre (south). Norwegian aircraft struck a Tarkan Front depot near "
                  "the port in the evening.\n\n"
                  "5 Oct - Sidon. Tarkan Front gunmen attacked a Norwegian checkpoint.",
                  "2025-10-12")
    by_trigger = {e.trigger: e.date.value if e.date else None for e in found}
    assert by_trigger.get("struck") == "2025-10-03"
    assert by_trigger.get("attacked") == "2025-10-05"
