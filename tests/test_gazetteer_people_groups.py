"""Checks of the curated gazetteer data: armed_groups.yaml, political.yaml and people.yaml.

Entry-level checks read the three files on their own; the reference and clash checks load the
whole gazetteer folder, because parents, countries and role organisations live in the other
engineer's files (countries, international organisations, state bodies).
"""
from __future__ import annotations

from collections import Counter

import pytest

from graph.gazetteer import Actor, Gazetteer, load_entries, load_gazetteer
from graph.settings import ontology_dir
from graph.vocab import slugify

GAZETTEER_DIR = ontology_dir() / "gazetteer"
FILE_TYPES = {
    "armed_groups.yaml": "ArmedGroup",
    "political.yaml": "PoliticalOrganization",
    "people.yaml": "Person",
}
OTHER_FILES = ("countries.yaml", "international.yaml", "state_bodies.yaml")

# Actors of /work/shared/corpus/dev/actors.jsonl of the three types these files own, copied here
# so the test does not depend on a folder outside the repository.
DEV_ACTORS = {
    "Kataeb Hezbollah": "ArmedGroup", "Harakat al-Nujaba": "ArmedGroup",
    "Kataib Sayyid al-Shuhada": "ArmedGroup", "Harakat Ansar Allah al-Awfiya": "ArmedGroup",
    "Kataib al-Imam Ali": "ArmedGroup", "Asaib Ahl al-Haq": "ArmedGroup", "Badr Organization": "ArmedGroup",
    "Islamic Resistance in Iraq": "ArmedGroup", "Axis of Resistance": "ArmedGroup", "Hezbollah": "ArmedGroup",
    "Radwan Force": "ArmedGroup", "Houthis": "ArmedGroup", "Hamas": "ArmedGroup",
    "Palestinian Islamic Jihad": "ArmedGroup", "Hayat Tahrir al-Sham": "ArmedGroup", "al-Qaeda": "ArmedGroup",
    "Syrian Democratic Forces": "ArmedGroup", "YPG": "ArmedGroup", "PKK": "ArmedGroup",
    "Syrian National Army": "ArmedGroup", "Islamic State": "ArmedGroup",
    "Amal Movement": "PoliticalOrganization", "Republican Party": "PoliticalOrganization",
    "Donald Trump": "Person", "Mohammed Shia al-Sudani": "Person", "Bashar al-Assad": "Person",
    "Naim Qassem": "Person", "Nawaf Salam": "Person", "Ali Larijani": "Person", "Joseph Aoun": "Person",
    "Nabih Berri": "Person", "Tom Barrack": "Person", "Hassan Nasrallah": "Person",
    "Mohammed Ali al-Houthi": "Person", "Abdul-Malik al-Houthi": "Person", "Marco Rubio": "Person",
    "Benjamin Netanyahu": "Person", "Yahya Saree": "Person", "Steven Fagin": "Person",
    "Mohsen al-Mandalawi": "Person", "Tammy Bruce": "Person", "Falih al-Fayyadh": "Person",
    "Abu Fadak al-Mohammadawi": "Person", "Qais al-Khazali": "Person", "Falih al-Khazali": "Person",
    "Abdel Rahman al-Jazairi": "Person", "Akram al-Kaabi": "Person", "Ali al-Asadi": "Person",
    "Khalil al-Hayya": "Person", "Ziyad al-Nakhalah": "Person", "Mohammed bin Abdulrahman Al Thani": "Person",
    "Hassan Rashad": "Person", "Ismail Haniyeh": "Person", "Ahmed al-Sharaa": "Person",
    "Mohammed bin Salman": "Person", "Recep Tayyip Erdogan": "Person", "Mazloum Abdi": "Person",
    "Ali Khamenei": "Person", "Abu Alaa al-Walai": "Person", "Haydar Muzhir Ma'lak al-Sa'idi": "Person",
    "Shibl al-Zaydi": "Person", "Joe Wilson": "Person", "Hossein Salami": "Person", "Mohammad Pakpour": "Person",
    "Mahmoud Qamati": "Person", "Esmail Qaani": "Person", "Qasem Soleimani": "Person", "Abbas Araqchi": "Person",
    "Israel Katz": "Person", "Badr Albusaidi": "Person", "Ali al-Sistani": "Person",
    "Izzat al-Shahbandar": "Person", "Ibrahim al-Sumaidaie": "Person",
}

# Variants news writes, and the actor each must resolve to.
VARIANTS = {
    "Hizballah": "hezbollah",
    "Hizbullah": "hezbollah",
    "Kata'ib Hezbollah": "kataeb-hezbollah",
    "Kata’ib Hezbollah": "kataeb-hezbollah",
    "Kataib Hezbollah": "kataeb-hezbollah",
    "Ansarallah": "houthis",
    "Ansar Allah": "houthis",
    "al-Qaida": "al-qaeda",
    "al Qaeda": "al-qaeda",
    "Abu Mohammed al-Jolani": "ahmed-al-sharaa",
    "Hemedti": "mohamed-hamdan-dagalo",
    "Zelenskyy": "volodymyr-zelensky",
    "Islamic Jihad": "palestinian-islamic-jihad",
    "al-Quds Brigades": "al-quds-brigades",
    "Ezzedine al-Qassam Brigades": "qassam-brigades",
    "Libyan National Army": "libyan-national-army",
    "Pakistani Taliban": "tehrik-i-taliban-pakistan",
}


def _entries(file_name: str) -> list[Actor]:
    return load_entries(GAZETTEER_DIR / file_name)


@pytest.fixture(scope="module")
def own_actors() -> dict[str, Actor]:
    return {actor.id: actor for name in FILE_TYPES for actor in _entries(name)}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    missing = [name for name in OTHER_FILES if not (GAZETTEER_DIR / name).exists()]
    if missing:
        pytest.skip(f"the whole gazetteer needs {', '.join(missing)} (written by another engineer)")
    return load_gazetteer(GAZETTEER_DIR)


@pytest.mark.parametrize("file_name, actor_type", FILE_TYPES.items())
def test_each_file_holds_only_its_type_with_slug_ids(file_name, actor_type):
    entries = _entries(file_name)
    assert entries
    assert {actor.type for actor in entries} == {actor_type}
    assert [a.id for a in entries if a.id != slugify(a.name)] == []


def test_at_least_300_armed_groups():
    assert len(_entries("armed_groups.yaml")) >= 300


def test_sizes_of_political_and_people_files():
    assert len(_entries("political.yaml")) >= 100
    assert len(_entries("people.yaml")) >= 250


def test_no_id_twice_across_the_three_files():
    ids = Counter(actor.id for name in FILE_TYPES for actor in _entries(name))
    assert [actor_id for actor_id, count in ids.items() if count > 1] == []


def test_person_roles_are_leader_or_member_with_sane_years(own_actors):
    people = [a for a in own_actors.values() if a.type == "Person"]
    roles = [(person.id, role) for person in people for role in person.roles]
    assert len(roles) > 200
    for person_id, role in roles:
        assert role.relation in ("leaderOf", "memberOf"), person_id
        assert role.role.strip(), person_id
        for year in (role.start, role.end):
            assert year is None or (isinstance(year, int) and 1900 <= year <= 2026), person_id
        if role.start is not None and role.end is not None:
            assert role.start <= role.end, person_id


def test_surname_aliases_only_for_world_leaders(own_actors):
    """A one-word alias of a person must be a leader's (head of a state) or a nickname we allow."""
    nicknames = {"Hemedti", "Hemeti", "Jolani", "MBS", "MBZ", "AMLO", "Lula", "Saddam", "Prabowo", "Hidma", "Sedoi"}
    for person in (a for a in own_actors.values() if a.type == "Person"):
        single = [alias for alias in person.aliases if " " not in alias and alias not in nicknames]
        if single:
            assert any(r.relation == "leaderOf" for r in person.roles), (person.id, single)


def test_every_dev_corpus_actor_is_found_by_its_name(gazetteer):
    for name, actor_type in DEV_ACTORS.items():
        actor = gazetteer.lookup(name)
        assert actor is not None, name
        assert (actor.name, actor.type) == (name, actor_type)


@pytest.mark.parametrize("variant, actor_id", VARIANTS.items())
def test_spelling_variants_resolve(gazetteer, variant, actor_id):
    assert gazetteer.lookup(variant).id == actor_id


def test_iswap_is_a_province_of_islamic_state(gazetteer):
    iswap = gazetteer.lookup("ISWAP")
    assert iswap.type == "ArmedGroup"
    assert iswap.parent == "islamic-state"
    assert gazetteer.lookup("ISIS").id == "islamic-state"


def test_parents_of_well_known_units(gazetteer):
    parent_of = {"radwan-force": "hezbollah", "qassam-brigades": "hamas", "jnim": "al-qaeda",
                 "al-qaeda-in-the-arabian-peninsula": "al-qaeda", "kataeb-hezbollah": "popular-mobilization-forces",
                 "al-quds-brigades": "palestinian-islamic-jihad"}
    assert {actor_id: gazetteer.get(actor_id).parent for actor_id in parent_of} == parent_of


def test_quds_brigades_and_quds_force_stay_distinct(gazetteer):
    brigades, force = gazetteer.lookup("al-Quds Brigades"), gazetteer.lookup("Quds Force")
    assert force is not None and brigades.id != force.id
    assert force.type == "GovernmentOrganization"


def test_references_point_to_existing_actors_of_the_right_kind(gazetteer, own_actors):
    organisations = {"Country", "GovernmentOrganization", "ArmedGroup", "PoliticalOrganization",
                     "InternationalOrganization"}
    for actor in own_actors.values():
        if actor.country:
            assert gazetteer.get(actor.country).type == "Country", actor.id
        if actor.parent:
            assert gazetteer.get(actor.parent).type in organisations - {"Country"}, actor.id
        for role in actor.roles:
            assert gazetteer.get(role.org).type in organisations, (actor.id, role.org)


def test_finder_picks_the_right_actors_in_a_sentence(gazetteer):
    text = ("Kata'ib Hizballah and the Houthi rebels praised Abu Mohammed al-Jolani, "
            "while al-Qaida's affiliate JNIM clashed with the Azawad Liberation Front.")
    found = [m.actor_id for m in gazetteer.find(text)]
    assert found == ["kataeb-hezbollah", "houthis", "ahmed-al-sharaa", "al-qaeda", "jnim",
                     "azawad-liberation-front"]
