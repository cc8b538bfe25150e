"""Checks of the curated gazetteer data: countries.yaml, international.yaml and state_bodies.yaml.

These files are loaded on their own (copied to a temporary folder) so that they can be checked
while the other gazetteer files are being written; the last test loads the whole folder once
every file exists.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pycountry
import pytest

from graph.gazetteer import Gazetteer, load_entries, load_gazetteer
from graph.settings import ontology_dir
from graph.vocab import slugify

GAZETTEER_DIR = ontology_dir() / "gazetteer"
FILE_TYPES = {
    "countries.yaml": "Country",
    "international.yaml": "InternationalOrganization",
    "state_bodies.yaml": "GovernmentOrganization",
}
OTHER_FILES = ("armed_groups.yaml", "political.yaml", "people.yaml")
# The dev corpus sits beside the checkout (../shared/corpus/dev), as on the project's machines.
DEV_ACTORS = next((p / "shared" / "corpus" / "dev" / "actors.jsonl" for p in Path(__file__).resolve().parents
                   if (p / "shared" / "corpus" / "dev" / "actors.jsonl").is_file()),
                  Path("../shared/corpus/dev/actors.jsonl"))

# The 193 member states of the United Nations by ISO 3166-1 alpha-2 code.
UN_MEMBERS = frozenset("""
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG
CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH
GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG
NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN
SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM
ZW
""".split())
UN_OBSERVERS = frozenset({"PS", "VA"})
OTHER_STATES = frozenset({"XK", "TW"})  # Kosovo (not in ISO 3166-1 proper) and Taiwan
# pycountry codes that are neither UN members nor observers nor treated as states by news.
NON_MEMBER_TERRITORIES = frozenset("""
AI AQ AS AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP
MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT
""".split())

# Deliberate gaps, each explained in the data files.
NO_CAPITAL = {"belgium", "yemen", "seychelles"}  # Brussels is the EU; Sanaa is Houthi-held; Victoria a name
NO_DEMONYM = {  # no demonym that names this state alone
    "vatican", "democratic-republic-of-the-congo", "republic-of-the-congo", "central-african-republic",
    "guinea", "dominica", "dominican-republic",
}
# Aliases of the dev corpus that name several bodies (of several states) and so are not in the gazetteer.
AMBIGUOUS_DEV_ALIASES = {
    "Chamber of Deputies", "Council of Representatives", "General Intelligence Service",
    "General Intelligence Directorate", "GIS", "Mukhabarat",
}


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory) -> Gazetteer:
    """Our three files alone: they refer only to ids they define themselves."""
    folder = tmp_path_factory.mktemp("gazetteer")
    for name in FILE_TYPES:
        shutil.copy(GAZETTEER_DIR / name, folder / name)
    return load_gazetteer(folder)


@pytest.fixture(scope="module")
def countries(gazetteer):
    return [a for a in gazetteer.actors.values() if a.type == "Country"]


def test_each_file_holds_one_type_and_ids_are_slugs_of_names():
    for file_name, actor_type in FILE_TYPES.items():
        actors = load_entries(GAZETTEER_DIR / file_name)
        assert actors, file_name
        for actor in actors:
            assert actor.type == actor_type, (file_name, actor.id)
            assert actor.id == slugify(actor.name), (file_name, actor.id, actor.name)


def test_every_un_member_and_observer_is_a_country(countries):
    assert len(UN_MEMBERS) == 193
    isos = [a.iso for a in countries]
    assert all(isinstance(iso, str) and len(iso) == 2 for iso in isos)  # YAML reads a bare NO as False
    assert len(isos) == len(set(isos))
    assert set(isos) == UN_MEMBERS | UN_OBSERVERS | OTHER_STATES


def test_un_member_list_agrees_with_pycountry():
    codes = {c.alpha_2 for c in pycountry.countries}
    assert UN_MEMBERS | UN_OBSERVERS | {"TW"} <= codes
    assert codes - UN_MEMBERS - UN_OBSERVERS - OTHER_STATES == NON_MEMBER_TERRITORIES


def test_every_country_has_a_capital_and_a_demonym(countries):
    assert {a.id for a in countries if not a.capital} == NO_CAPITAL
    assert {a.id for a in countries if not a.demonyms} == NO_DEMONYM


@pytest.mark.parametrize("form, actor_id", [
    ("Tehran", "iran"), ("Emirati", "united-arab-emirates"), ("Emiratis", "united-arab-emirates"),
    ("Britain", "united-kingdom"), ("UAE", "united-arab-emirates"), ("Washington", "united-states"),
    ("U.S.", "united-states"), ("Kremlin", "russia"), ("Türkiye", "turkey"), ("Burma", "myanmar"),
    ("DRC", "democratic-republic-of-the-congo"), ("Ivorian", "ivory-coast"), ("Kyiv", "ukraine"),
    ("State Department", "us-state-department"), ("Revolutionary Guards", "irgc"),
    ("IRGC-QF", "quds-force"), ("Pentagon", "us-department-of-defense"), ("OFAC", "office-of-foreign-assets-control"),
    ("CENTCOM", "us-central-command"), ("IDF", "israel-defense-forces"), ("Iraqi parliament", "council-of-representatives-of-iraq"),
    ("Lebanese Army", "lebanese-armed-forces"), ("Hashd al-Shaabi", "popular-mobilization-forces"),
    ("U.N.", "united-nations"), ("UNSC", "un-security-council"), ("UN nuclear watchdog", "international-atomic-energy-agency"),
    ("Nato", "nato"), ("EU", "european-union"), ("ECOWAS", "ecowas"),
])
def test_lookup_resolves_forms(gazetteer, form, actor_id):
    actor = gazetteer.lookup(form)
    assert actor is not None, form
    assert actor.id == actor_id


@pytest.mark.parametrize("form", ["Congolese", "Guinean", "Dominican", "Korean", "Brussels", "Foreign Ministry",
                                  "Ministry of Defence", "General Assembly", "Chamber of Deputies"])
def test_ambiguous_forms_are_left_out(gazetteer, form):
    assert gazetteer.lookup(form) is None


def test_references_point_to_the_right_kind_of_actor(gazetteer):
    for actor in gazetteer.actors.values():
        if actor.type == "GovernmentOrganization":
            assert actor.country and gazetteer.get(actor.country).type == "Country", actor.id
        if actor.parent:
            assert gazetteer.get(actor.parent).type == actor.type, actor.id
            assert actor.parent != actor.id


def test_find_in_a_sentence(gazetteer):
    text = ("Iran's Revolutionary Guards said the Quds Force had met UN Security Council envoys, "
            "while the Pentagon and Emirati officials talked in Doha.")
    found = [(m.surface, m.actor_id) for m in gazetteer.find(text)]
    assert found == [
        ("Iran's Revolutionary Guards", "irgc"), ("Quds Force", "quds-force"),
        ("UN Security Council", "un-security-council"), ("Pentagon", "us-department-of-defense"),
        ("Emirati", "united-arab-emirates"), ("Doha", "qatar"),
    ]


@pytest.mark.parametrize("text, ids", [
    ("HM Treasury and the Treasury", ["hm-treasury", "us-treasury-department"]),
    ("Guinea-Bissau, Guinea and Papua New Guinea", ["guinea-bissau", "guinea", "papua-new-guinea"]),
    ("Sudan and South Sudan; Niger and Nigeria", ["sudan", "south-sudan", "niger", "nigeria"]),
    ("the Democratic Republic of the Congo and Congo-Brazzaville",
     ["democratic-republic-of-the-congo", "republic-of-the-congo"]),
    ("Nigeria's Department of State Services", ["department-of-state-services"]),
])
def test_longest_form_wins_over_the_shorter_name_inside_it(gazetteer, text, ids):
    assert [m.actor_id for m in gazetteer.find(text)] == ids


def _dev_actors_of_our_types() -> list[dict]:
    if not DEV_ACTORS.exists():
        pytest.skip(f"{DEV_ACTORS} not present")
    rows = [json.loads(line) for line in DEV_ACTORS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["type"] in FILE_TYPES.values()]


def test_dev_corpus_actors_are_found_by_name_and_unambiguous_aliases(gazetteer):
    dev = _dev_actors_of_our_types()
    assert dev
    for row in dev:
        actor = gazetteer.lookup(row["name"])
        assert actor is not None and actor.name == row["name"] and actor.type == row["type"], row["name"]
        for alias in row["aliases"]:
            if alias in AMBIGUOUS_DEV_ALIASES:
                continue
            form = alias[4:] if alias.startswith("the ") else alias  # a leading "the" is not part of a form
            hit = gazetteer.lookup(form)
            assert hit is not None and hit.id == actor.id, (row["name"], alias)


def test_whole_gazetteer_loads_once_all_files_exist():
    missing = [name for name in OTHER_FILES if not (GAZETTEER_DIR / name).exists()]
    if missing:
        pytest.skip(f"not written yet: {', '.join(missing)}")
    gazetteer = load_gazetteer(GAZETTEER_DIR)
    assert gazetteer.lookup("Tehran").id == "iran"
    assert gazetteer.lookup("IRGC").id == "irgc"


def test_a_states_forces_by_its_demonym_need_not_be_listed():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Saudi army").id == gazetteer.lookup("Saudi Armed Forces").id
    assert gazetteer.lookup("Ethiopian armed forces").id == gazetteer.lookup("Ethiopian National Defense Force").id
    # "military" is the forces as a whole, never one branch of them
    assert gazetteer.lookup("American military") is None or gazetteer.lookup("American military").id != gazetteer.lookup("US Army").id
