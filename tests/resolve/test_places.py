"""Towns and cities under their other names and scripts are one place; only names already
typed a place are looked up, so a person who shares a town's name is not a town."""
from actorgraph.knowledge.lexicon import known_place
from actorgraph.resolve.records import NameGroup
from actorgraph.resolve.stage import division_links, lexicon_links


def _group(gid, etype, *names):
    return NameGroup(gid, f"doc-{gid}", etype, None, tuple((n, 1) for n in names), frozenset())


def test_other_names_and_scripts_of_a_town_name_one_place():
    assert known_place("Hewler") == known_place("Arbil") == known_place("Эрбиль")
    assert known_place("Hewler").country == "iq"


def test_place_groups_under_other_names_are_linked():
    groups = [_group("a", "place", "Hewler"), _group("b", "place", "Arbil"),
              _group("c", "place", "Эрбиль"), _group("d", "place", "Mosul")]
    linked = {frozenset(p) for p in lexicon_links(groups)}
    assert linked == {frozenset({"a", "b"}), frozenset({"a", "c"})}


def test_a_person_named_like_a_town_is_not_linked_to_it():
    groups = [_group("a", "person", "Hit"), _group("b", "place", "Hit")]
    assert lexicon_links(groups) == []


def test_a_group_naming_two_towns_links_neither():
    groups = [_group("a", "place", "Mosul", "Hewler"), _group("b", "place", "Arbil")]
    assert lexicon_links(groups) == []


def test_a_place_and_its_province_or_region_are_one_place():
    """"Helmand province", "the Mopti region" and "Tigray Region" name the places
    "Helmand", "Mopti" and "Tigray" (reports say either)."""
    groups = [_group("a", "place", "Tigray Region"), _group("b", "place", "Tigray"),
              _group("c", "place", "Mopti region"), _group("d", "place", "Mopti"),
              _group("e", "place", "Kandahar Province"), _group("f", "place", "Helmand")]
    linked = {frozenset(p) for p in division_links(groups)}
    assert linked == {frozenset({"a", "b"}), frozenset({"c", "d"})}


def test_a_region_named_for_a_state_is_not_the_state():
    """Iran's "Azerbaijan region" is not the Republic of Azerbaijan; an organisation called
    after a region is not the region."""
    groups = [_group("a", "place", "Azerbaijan region"), _group("b", "country", "Azerbaijan"),
              _group("c", "place", "Azerbaijan"), _group("d", "organization", "Darfur Region"),
              _group("e", "place", "Darfur"), _group("f", "place", "Southern Region")]
    assert division_links(groups) == []


def test_one_facility_of_one_town_in_several_languages_is_one_place():
    from actorgraph.resolve.facilities import facility_links
    groups = [_group("a", "place", "Mosul International Airport"),
              _group("b", "place", "Mosul airport"),
              _group("c", "place", "مطار الموصل الدولي"),
              _group("d", "place", "аэропорт Мосула"),
              _group("e", "place", "Basra airport"),
              _group("f", "place", "Mosul"),
              _group("g", "place", "Mosul air base"),
              _group("h", "organization", "Mosul Airport Authority")]
    linked = {frozenset(p) for p in facility_links(groups)}
    together = {"a", "b", "c", "d"}
    assert all(p <= together for p in linked)
    assert len(linked) == len(together) - 1          # one link each to the first
