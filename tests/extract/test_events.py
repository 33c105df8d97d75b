"""Events typed by PLOVER, read from the syntax, on sentences written for these tests
(not the dev texts)."""
from __future__ import annotations

from actorgraph.extract.rules_en.events.stage import find_events, load_rules
from actorgraph.extract.rules_en.pipeline import State

from .helpers import parsed


def parse(text: str) -> State:
    return parsed(text)


def events(text: str, keep_hypothetical: bool = False):
    state = parse(text)
    found = find_events(state.doc, state.sentences, state.mentions)
    if not keep_hypothetical:
        found = [e for e in found if not e.rule.endswith(":hypothetical")]
    keys = {m.text: m.key for m in state.mentions}
    return found, keys


def one(found, etype: str):
    matching = [e for e in found if e.type == etype]
    assert len(matching) == 1, found
    return matching[0]


def test_trigger_table_is_data():
    rules = load_rules()
    assert rules.verbs["shoot"] == ("ASSAULT", "firearms")
    assert rules.nouns["assassination"] == ("ASSAULT", "assassination")
    assert rules.verbs["detain"][0] == "COERCE"


def test_shooting_by_a_group_member(nlp):
    found, k = events("A year later, a Sabirin militant shot and wounded Hassan Kamali "
                      "in Manama.")
    e = one(found, "ASSAULT")
    assert e.targets == (k["Hassan Kamali"],) and e.location == k["Manama"]
    assert e.date is None and e.attribution.attributed_to is None


def test_attempted_assassination_targets_the_state_of_the_demonym(nlp):
    found, k = events("Police foiled the attempted assassination of an Israeli diplomat "
                      "in Baku in May.")
    e = one(found, "ASSAULT")
    assert e.mode == "assassination"
    assert e.targets == ("country:israel",) and e.location == k["Baku"]


def test_terror_plot_targeting_a_people(nlp):
    found, k = events("Investigators described a 2019 terror plot in Georgia "
                      "targeting Israelis.")
    e = one(found, "ASSAULT")
    assert (e.mode, e.targets, e.location) == ("plot", ("country:israel",), k["Georgia"])


def test_list_of_acts_shares_the_subject_as_actor(nlp):
    found, k = events("Kataib Hezbollah cells have been behind several operations, including "
                      "a thwarted attack on the US embassy in May, the attempted assassination "
                      "of a Bahraini minister in June and a plot in Kuwait.")
    assaults = [e for e in found if e.type == "ASSAULT"]
    assert len(assaults) == 3
    assert all(e.actors == (k["Kataib Hezbollah"],) for e in assaults)
    modes = {e.trigger: e.mode for e in assaults}
    assert modes == {"attack": "plot", "assassination": "assassination", "plot": "plot"}
    by_trigger = {e.trigger: e for e in assaults}
    assert by_trigger["assassination"].targets == ("country:bahrain",)
    assert by_trigger["plot"].location == k["Kuwait"]


def test_call_for_attacks_is_a_threat_not_an_assault(nlp):
    found, k = events("The Sabirin movement has published videos calling for attacks on "
                      "Jewish and Israeli targets in Baku.")
    assert [e.type for e in found] == ["THREATEN"]
    e = found[0]
    assert e.actors == (k["Sabirin"],)
    assert e.targets == ("country:israel",) and e.location == k["Baku"]


def test_called_for_the_assassination_of(nlp):
    found, k = events("In 2016, Hassan Kamali called for the assassination of a Bahraini "
                      "minister.")
    e = one(found, "THREATEN")
    assert e.actors == (k["Hassan Kamali"],) and e.targets == ("country:bahrain",)
    assert not [x for x in found if x.type == "ASSAULT"]


def test_threatened_to_strike(nlp):
    found, k = events("In a speech in Najaf, Hassan Kamali threatened to strike Israeli "
                      "targets in Cyprus.")
    e = one(found, "THREATEN")
    assert e.actors == (k["Hassan Kamali"],) and "country:israel" in e.targets


def test_passive_detention_with_agent(nlp):
    found, k = events("Hassan Kamali and Ali Rezaei were detained by Iranian authorities "
                      "in April.")
    e = one(found, "COERCE")
    assert e.mode == "detain" and e.actors == ("country:iran",)
    assert set(e.targets) == {k["Hassan Kamali"], k["Ali Rezaei"]}


def test_imprisoned_members_of_a_group(nlp):
    found, k = events("Bahrain has imprisoned twelve members of the Sabirin movement.")
    e = one(found, "COERCE")
    assert (e.mode, e.actors, e.targets) == ("imprison", (k["Bahrain"],), (k["Sabirin"],))


def test_deployed_and_sent_fighters_mobilize(nlp):
    found, k = events("Hezbollah fighters deployed to Syria in 2013.")
    e = one(found, "MOBILIZE")
    assert e.actors == (k["Hezbollah"],) and e.location == k["Syria"]
    found, k = events("The Sabirin movement sent fighters to Syria in 2014.")
    assert one(found, "MOBILIZE").location == k["Syria"]


def test_went_to_fight(nlp):
    found, k = events("Six Bahraini students went to Syria in 2013 to fight.")
    assert one(found, "MOBILIZE").location == k["Syria"]


def test_honored_is_support(nlp):
    found, k = events("On March 3, Iran honored Hassan Kamali at a ceremony in Tehran.")
    e = one(found, "SUPPORT")
    assert (e.actors, e.targets) == ((k["Iran"],), (k["Hassan Kamali"],))


def test_endorsed_and_authorized_creation_is_one_support(nlp):
    found, k = events("The Quds Force endorsed the Sabirin movement and authorized "
                      "its creation.")
    e = one(found, "SUPPORT")
    assert (e.actors, e.targets) == ((k["Quds Force"],), (k["Sabirin"],))


def test_accused(nlp):
    found, k = events("The Bahraini government accused the Sabirin movement of the bombing.")
    e = one(found, "ACCUSE")
    assert (e.actors, e.targets) == (("country:bahrain",), (k["Sabirin"],))


def test_denied(nlp):
    found, k = events("The Sabirin movement denied any involvement.")
    assert one(found, "REJECT").actors == (k["Sabirin"],)


def test_request_to_extradite_is_not_itself_a_coercion(nlp):
    found, k = events("Manama requested that Tehran extradite the suspects.")
    assert [e.type for e in found] == ["REQUEST"]
    assert (found[0].actors, found[0].targets) == (("country:bahrain",), ("country:iran",))


def test_decried_is_a_protest_and_its_description_no_attack(nlp):
    found, k = events("Ali Rezaei, a member of parliament, decried the detention as an "
                      "attack on Iran's sovereignty.")
    assert [e.type for e in found] == ["PROTEST"]
    assert found[0].actors == (k["Ali Rezaei"],) and found[0].targets == (k["Iran"],)


def test_funded_is_aid(nlp):
    found, k = events("Iran funded and armed the Sabirin movement.")
    e = one(found, "AID")
    assert (e.actors, e.targets) == ((k["Iran"],), (k["Sabirin"],))


def test_hypothetical_and_capacity_are_marked(nlp):
    found, _ = events("If the Sabirin movement attacked Kuwait, it would lose support.",
                      keep_hypothetical=True)
    assert found and all(e.rule.endswith(":hypothetical") for e in found)
    found, _ = events("The Sabirin movement has proved capable of striking targets in Kuwait.",
                      keep_hypothetical=True)
    assert found and all(e.rule.endswith(":hypothetical") for e in found)


def test_negated_trigger_is_skipped(nlp):
    found, _ = events("The Sabirin movement did not attack the embassy.", keep_hypothetical=True)
    assert found == []


def test_the_arrest_told_again_is_not_a_new_event(nlp):
    found, k = events("Police arrested Hassan Kamali in May. The arrest sparked protests.")
    assert [e.type for e in found] == ["COERCE"]
    assert found[0].targets == (k["Hassan Kamali"],) and found[0].sentence == 0


def test_pronoun_actor_is_the_salient_group(nlp):
    found, k = events("The Sabirin movement grew quickly. In 2020, it attacked a police "
                      "station in Manama.")
    e = one(found, "ASSAULT")
    assert e.actors == (k["Sabirin"],) and e.location == k["Manama"] and e.sentence == 1


def test_offsets_point_at_the_trigger(nlp):
    text = "Iran funded and armed the Sabirin movement."
    found, _ = events(text)
    for e in found:
        assert text[e.trigger_start:e.trigger_end] == e.trigger


def test_act_framed_as_a_groups_work_is_an_accusation(nlp):
    found, k = events("The Moldovan government has long presented the bombing as an "
                      "operation of the Sabirin Brigade, a small exile group.")
    e = one(found, "ACCUSE")
    assert e.rule == "framed_as"
    assert e.targets == (k["Sabirin Brigade"],)
    assert e.actors                    # the government: its state


def test_framing_with_a_possessive_and_a_pronoun(nlp):
    found, k = events("Moldovan officials treat it as the Sabirin Brigade's work.")
    assert one(found, "ACCUSE").targets == (k["Sabirin Brigade"],)


def test_framing_without_an_owner_or_an_act_is_no_accusation(nlp):
    found, _ = events("The Sabirin Brigade presented its programme as a work of scholarship.")
    assert not [e for e in found if e.type == "ACCUSE"]
    found, _ = events("Analysts describe the Sabirin Brigade as a small exile group.")
    assert not [e for e in found if e.type == "ACCUSE"]


def test_an_act_told_through_a_light_verb_and_a_possessive(nlp):
    found, k = events("The Sabirin Brigade announced its allegiance to the Islamic State in 2015.")
    e = one(found, "SUPPORT")
    assert (e.actors, e.targets, e.mode) == ((k["Sabirin Brigade"],), (k["Islamic State"],),
                                             "allegiance")
    found, _ = events("French troops completed their withdrawal from Mali in 2022.")
    assert one(found, "RETREAT").actors == ("country:france",)


def test_a_junta_is_its_state(nlp):
    found, _ = events("Mali's junta demanded that the mission leave.")
    assert one(found, "REQUEST").actors == ("country:mali",)


def test_an_intention_is_not_yet_an_act(nlp):
    found, _ = events("The review comes as the African Union prepares to withdraw its troops.")
    assert not [e for e in found if e.type == "RETREAT"]


def test_it_in_what_a_group_announced_is_the_group(nlp):
    found, k = events("The Sabirin Brigade is large. When the Northern Front announced on "
                      "May 3 that it was suspending its attacks, the Sabirin Brigade refused.")
    assert one(found, "RETREAT").actors == (k["Northern Front"],)


def test_naming_who_someone_is_and_funding_oneself_are_no_events(nlp):
    found, _ = events("The Pentagon, which named him as Omar Farid Sadiq, said so.")
    assert not [e for e in found if e.type == "SUPPORT"]
    found, _ = events("The Sabirin Brigade funds itself through taxation.")
    assert not [e for e in found if e.type == "AID"]


def test_bombs_that_explode_are_an_attack_a_gas_tank_is_not(nlp):
    found, _ = events("Two car bombs exploded outside the ministry in Mogadishu.")
    assert one(found, "ASSAULT").mode == "explosives"
    found, _ = events("A gas tank exploded in a kitchen in Mogadishu.")
    assert not found


def test_the_place_on_the_object_of_the_act(nlp):
    found, k = events("A truck bombing killed more than 500 people in Mogadishu.")
    assert one(found, "ASSAULT").location == k["Mogadishu"]


def test_breaking_off_relations_is_a_sanction(nlp):
    found, k = events("Mali broke off diplomatic relations with Ukraine.")
    e = one(found, "SANCTION")
    assert (e.actors, e.targets, e.mode) == ((k["Mali"],), (k["Ukraine"],), "break_relations")
    assert not events("The runner broke the record in Paris.")[0]


def test_releasing_captives_and_executing_a_prisoner(nlp):
    found, k = events("The Sabirin Brigade released 21 hostages in October 2016.")
    assert one(found, "CONCEDE").mode == "release"
    assert not events("The Sabirin Brigade released a video in 2016.")[0]
    found, k = events("Armenia hanged Karim Haddadi in June 2010.")
    e = one(found, "COERCE")
    assert (e.mode, e.targets) == ("execute", (k["Karim Haddadi"],))


def test_pledging_allegiance_is_support_not_a_threat(nlp):
    found, k = events("In March 2015 Karim Haddadi pledged allegiance to the Islamic State.")
    e = one(found, "SUPPORT")
    assert (e.actors, e.targets) == ((k["Karim Haddadi"],), (k["Islamic State"],))
    assert not [x for x in found if x.type == "THREATEN"]


def test_a_denied_act_is_not_told(nlp):
    found, _ = events("Armenia denies arming the Sabirin Brigade.")
    assert [e.type for e in found] == ["REJECT"]


# -- the event classes of CAMEO 14-17 and their PLOVER heirs, verbal, nominal and passive --

def test_execution_of_prisoners_coerces_but_executing_an_attack_does_not(nlp):
    found, k = events("Egypt executed two members of Hezbollah in Cairo in March.")
    e = one(found, "COERCE")
    assert (e.mode, e.actors, e.targets) == ("execute", (k["Egypt"],), (k["Hezbollah"],))
    found, k = events("Two members of Hezbollah were executed by Egypt.")
    assert one(found, "COERCE").actors == (k["Egypt"],)
    found, k = events("The execution of Hassan Kamali drew protests in Manama.")
    e = [x for x in found if x.type == "COERCE"]
    assert e and e[0].targets == (k["Hassan Kamali"],)
    found, _ = events("Hezbollah executed an attack on the convoy near Tyre.")
    assert [x.type for x in found] == ["ASSAULT"]


def test_capture_of_a_person_is_an_arrest(nlp):
    found, k = events("Pakistani forces captured Hassan Kamali near Quetta.")
    e = one(found, "COERCE")
    assert (e.mode, e.targets) == ("arrest", (k["Hassan Kamali"],))
    found, k = events("Hezbollah captured Quseir in 2013.")
    assert one(found, "ASSAULT").mode == "occupy"


def test_an_ambassador_summoned_is_an_official_protest_at_his_state(nlp):
    found, k = events("Turkey summoned the Swedish ambassador over the remarks.")
    e = one(found, "PROTEST")
    assert e.actors == (k["Turkey"],) and e.targets == ("country:sweden",)
    found, k = events("The Swedish ambassador was summoned by Turkey.")
    assert one(found, "PROTEST").targets == ("country:sweden",)
    found, _ = events("Hezbollah summoned its fighters to Sidon.")
    assert not [x for x in found if x.type == "PROTEST"]


def test_demonstrators_and_boycotts_protest(nlp):
    found, k = events("Supporters of Hezbollah demonstrated outside the embassy in Sidon.")
    e = one(found, "PROTEST")
    assert e.actors == (k["Hezbollah"],) and e.location == k["Sidon"]
    found, _ = events("Hezbollah fighters marched into Sidon in 2019.")
    assert not [x for x in found if x.type == "PROTEST"]
    found, _ = events("Hezbollah demonstrated its missile capability in 2019.")
    assert not [x for x in found if x.type == "PROTEST"]


def test_awards_and_honours_support_their_recipient(nlp):
    found, k = events("Vladimir Putin awarded Hassan Kamali the Order of Courage.")
    e = one(found, "SUPPORT")
    assert e.actors == (k["Vladimir Putin"],) and e.targets == (k["Hassan Kamali"],)
    found, k = events("Hassan Kamali was decorated by Vladimir Putin in Moscow.")
    assert one(found, "SUPPORT").targets == (k["Hassan Kamali"],)


def test_nominal_forms_of_coercion_sanction_and_mobilisation(nlp):
    found, k = events("The deportation of Hassan Kamali to Bahrain angered Hezbollah.")
    assert one(found, "COERCE").targets == (k["Hassan Kamali"],)
    found, k = events("Russia announced the mobilisation of reservists near Ukraine.")
    assert one(found, "MOBILIZE").actors == (k["Russia"],)
    found, k = events("Iran staged naval drills in the Gulf of Oman.")
    assert one(found, "MOBILIZE").actors == (k["Iran"],)
    found, k = events("Iran held a large military drill near the border with Azerbaijan.")
    assert one(found, "MOBILIZE").actors == (k["Iran"],)
    found, k = events("The indictment of Hassan Kamali in Manama surprised observers.")
    assert one(found, "COERCE").targets == (k["Hassan Kamali"],)


def test_verbs_of_coercion_and_sanction_beyond_arrest(nlp):
    found, k = events("Bahraini police apprehended Hassan Kamali in Manama.")
    assert one(found, "COERCE").targets == (k["Hassan Kamali"],)
    found, k = events("Germany proscribed Hezbollah in 2020.")
    e = one(found, "SANCTION")
    assert e.actors == (k["Germany"],) and e.targets == (k["Hezbollah"],)
    found, k = events("Hezbollah was designated a terrorist organisation by Germany.")
    assert one(found, "SANCTION").targets == (k["Hezbollah"],)


def test_event_words_inside_a_name_or_a_demonstration_of_proof_tell_no_act(nlp):
    found, _ = events("Hassan Kamali joined the Popular Mobilization Forces in 2015.")
    assert not [x for x in found if x.type == "MOBILIZE"]
    found, _ = events("Hezbollah's reach was demonstrated by the attack of its allies.")
    assert not [x for x in found if x.type == "PROTEST"]
    found, _ = events("Hamas grew closer to Iran, as demonstrated by the visit of its leader "
                      "to Tehran.")
    assert not [x for x in found if x.type == "PROTEST"]
    found, _ = events("Mourning for Hassan Kamali filled the streets of Manama.")
    assert not [x for x in found if x.type == "SUPPORT"]


def test_vows_threats_charges_and_mourning(nlp):
    found, k = events("Hamas vowed that Israel would pay a heavy price.")
    e = one(found, "THREATEN")
    assert e.actors == (k["Hamas"],) and e.targets == ("country:israel",)
    found, k = events("The prosecutor charged Hassan Kamali with espionage.")
    assert one(found, "COERCE").targets == (k["Hassan Kamali"],)
    found, _ = events("Hezbollah charged the hill at dawn.")
    assert not [x for x in found if x.type == "COERCE"]
    found, _ = events("Hezbollah fighters charged with guarding the base fled.")
    assert not [x for x in found if x.type == "COERCE"]
    found, k = events("Iran declared five days of mourning for Hassan Kamali.")
    assert one(found, "SUPPORT").targets == (k["Hassan Kamali"],)


def test_persona_non_grata_and_sentences_passed(nlp):
    found, k = events("The foreign ministry of Bahrain declared four Russian diplomats "
                      "persona non grata.")
    assert one(found, "COERCE").targets == ("country:russia",)
    found, _ = events("Four Russian staff were declared persona non grata on Monday.")
    assert one(found, "COERCE").targets == ("country:russia",)
    found, k = events("A court in Manama passed a sentence of fifteen years on Hassan Kamali.")
    assert one(found, "COERCE").targets == (k["Hassan Kamali"],)


def test_a_place_named_again_by_its_head_noun_is_where_the_act_happened(nlp):
    """'the airfield' after 'Kandahar Airfield': a definite noun that is the last word of
    one place named before stands for that place."""
    found, keys = events("A drone struck Kandahar Airfield on 2 June. On 9 August two drones "
                         "struck near the airfield again, without casualties.")
    assaults = [e for e in found if e.type == "ASSAULT"]
    assert len(assaults) == 2
    assert assaults[1].location == keys["Kandahar Airfield"]


def test_a_head_noun_fitting_two_places_names_neither(nlp):
    found, keys = events("Rockets hit Mazar Airport and Herat Airport on Monday. On Friday a "
                         "drone struck near the airport.")
    assert not any(e.location in (keys["Mazar Airport"], keys["Herat Airport"])
                   for e in found if e.trigger == "struck")


def test_a_weapon_that_hits_or_lands_tells_an_attack(nlp):
    """'A rocket hit X', 'the drone that hit a depot', 'shells landed near X': a verb of
    impact whose subject is a weapon is an assault; without a weapon it is none."""
    for text in ("A rocket hit a warehouse in Tartus on 3 May.",
                 "The drone that hit a fuel depot near Hasakah on 12 March caused no casualties.",
                 "Two mortar shells landed near the governor's office in Tartus on Friday.",
                 "The rocket that hit a shed at the army base at Tartus airport on the night "
                 "of 14 April caused no casualties."):
        found, keys = events(text)
        assert one(found, "ASSAULT").location is not None, text
    for text in ("The plane landed in Tartus on Friday.",
                 "Sanctions hit the economy of Tartus hard in 2020."):
        found, keys = events(text)
        assert not [e for e in found if e.type == "ASSAULT"], text


def test_acts_told_as_a_count_of_times_are_no_one_event(nlp):
    """'struck the port at least twice this year', 'has attacked the convoy three times':
    a tally of several acts, not one act to put on a timeline; 'repeatedly' is said of
    acts of which the sentence names one."""
    for text in ("Drones have struck the depot in Tartus at least twice this year.",
                 "The Sabirin Brigade has attacked convoys near Tartus three times since May."):
        found, keys = events(text)
        assert not [e for e in found if e.type == "ASSAULT"], text
    found, keys = events("Drones struck the depot in Tartus again on Friday, two days after "
                         "the first raid.")
    assert [e for e in found if e.type == "ASSAULT"]
    found, keys = events("The brigade has struck repeatedly in Syria, most notably at the depot "
                         "in Tartus in 2019.")
    assert [e for e in found if e.type == "ASSAULT"]


def test_the_weapon_of_an_act_told_before_tells_it_again(nlp):
    """'the drone had hit a depot' after 'a drone struck an outpost': the definite weapon
    is the one of the act already told, not a second act."""
    found, keys = events("A drone struck an outpost near Tartus on 3 May, killing two soldiers. "
                         "Officials later said the drone had hit a depot in Hasakah.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 1
    found, keys = events("A drone struck an outpost near Tartus on 3 May. A week later a "
                         "rocket hit a depot near Hasakah.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 2


def test_an_act_with_no_one_named_but_a_nationality_is_not_told(nlp):
    """'Some bloggers called for attacks on Armenian diplomats': nobody named does it,
    and the adjective names no one it is done to; named, it is a threat."""
    found, keys = events("Some bloggers also called for attacks on Armenian diplomats.")
    assert not found
    found, keys = events("The Sabirin Brigade also called for attacks on Armenian "
                         "diplomats.")
    assert one(found, "THREATEN").actors == (keys["Sabirin Brigade"],)


def test_the_owner_of_a_site_described_in_apposition_is_struck_too(nlp):
    """'struck Camp Ardent, a small French supply post': the post is France's."""
    found, keys = events("On May 4, 2019, a drone struck Camp Ardent, a small French supply post "
                         "in northern Syria.")
    ev = one(found, "ASSAULT")
    assert "country:france" in ev.targets and keys["Camp Ardent"] in ev.targets + (ev.location,)
