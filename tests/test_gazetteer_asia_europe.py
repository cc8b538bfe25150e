"""Checks of the Middle East, Asia and Europe breadth pass of the gazetteer.

The pass appended one block to ``state_bodies.yaml`` and one to ``people.yaml``, each opened by a
``# --- Middle East, Asia and Europe:`` comment. These tests read those blocks, check that their
entries are well formed and referenced, and that names news writes resolve to the right actor while
forms shared by several actors stay unclaimed.
"""
from __future__ import annotations

import pytest
import yaml

from graph.gazetteer import load_gazetteer
from graph.settings import ontology_dir
from graph.vocab import slugify

GAZETTEER_DIR = ontology_dir() / "gazetteer"
BLOCK_MARKER = "# --- Middle East, Asia and Europe:"
REGION = {
    "iraq", "syria", "lebanon", "jordan", "israel", "palestine", "yemen", "saudi-arabia",
    "united-arab-emirates", "qatar", "oman", "kuwait", "bahrain", "iran", "turkey", "afghanistan",
    "pakistan", "india", "bangladesh", "myanmar", "thailand", "philippines", "indonesia", "china",
    "north-korea", "south-korea", "japan", "russia", "ukraine", "belarus", "moldova", "georgia",
    "armenia", "azerbaijan", "poland", "estonia", "latvia", "lithuania", "germany", "france",
    "united-kingdom", "italy", "hungary", "united-states",
}

# Forms news writes, and the actor each must resolve to.
RESOLVES = {
    "Iraqi Defence Ministry": "iraqi-ministry-of-defence",
    "Iraq's Interior Ministry": "iraqi-ministry-of-interior",
    "Jordanian Armed Forces": "jordan-armed-forces",
    "COGAT": "cogat",
    "Israeli Navy": "israeli-navy",
    "Palestinian security forces": "palestinian-security-forces",
    "Saudi Arabian National Guard": "saudi-arabian-national-guard",
    "IRIAF": "islamic-republic-of-iran-air-force",
    "Guardian Council": "guardian-council",
    "AEOI": "atomic-energy-organization-of-iran",
    "Turkish Foreign Ministry": "turkish-foreign-ministry",
    "Pakistan Air Force": "pakistan-air-force",
    "Pakistan's Foreign Office": "pakistani-foreign-office",
    "Indian Air Force": "indian-air-force",
    "BSF": "border-security-force",
    "Tatmadaw": "myanmar-armed-forces",
    "State Administration Council": "state-administration-council",
    "Royal Thai Army": "royal-thai-army",
    "Armed Forces of the Philippines": "armed-forces-of-the-philippines",
    "Philippine Coast Guard": "philippine-coast-guard",
    "TNI": "indonesian-national-armed-forces",
    "China Coast Guard": "china-coast-guard",
    "Eastern Theatre Command": "pla-eastern-theater-command",
    "North Korean Foreign Ministry": "north-korean-foreign-ministry",
    "Unification Ministry": "south-korean-ministry-of-unification",
    "JSDF": "japan-self-defense-forces",
    "State Duma": "state-duma",
    "Russian Aerospace Forces": "russian-aerospace-forces",
    "Ukraine's General Staff": "general-staff-of-the-armed-forces-of-ukraine",
    "NSDC": "national-security-and-defense-council-of-ukraine",
    "Belarusian KGB": "belarusian-kgb",
    "Azerbaijani army": "azerbaijani-armed-forces",
    "Sejm": "sejm",
    "Élysée Palace": "elysee-palace",
    "Home Office": "uk-home-office",
    "SOUTHCOM": "us-southern-command",
    # office holders, with transliteration variants
    "Qassem al-Araji": "qasim-al-araji",
    "Youssef Raggi": "youssef-rajji",
    "Salem bin Braik": "salem-bin-breik",
    "Mohseni-Ejei": "gholam-hossein-mohseni-ejei",
    "Selçuk Bayraktaroğlu": "selcuk-bayraktaroglu",
    "Upendra Dwivedi": "upendra-dwivedi",
    "Jokowi": "joko-widodo",
    "Choe Son-hui": "choe-son-hui",
    "Kim Min Seok": "kim-min-seok",
    "Sergey Naryshkin": "sergei-naryshkin",
    "Vasily Nebenzya": "vassily-nebenzia",
    "Andriy Hnatov": "andrii-hnatov",
    "Svetlana Tikhanovskaya": "sviatlana-tsikhanouskaya",
    "Radoslaw Sikorski": "radoslaw-sikorski",
    "Peter Szijjarto": "peter-szijjarto",
}

# Forms left out on purpose: each names more than one actor (or is an ordinary word).
UNCLAIMED = ["AFP", "IAF", "PAF", "NIS", "NIA", "MIT", "Duma", "Southern Command", "Self-Defense Forces",
             "Yemeni Armed Forces", "Central Military Commission", "National Assembly", "Diet", "KGB",
             "Shura Council", "Internal Security Forces"]


def _block(file_name: str) -> list[dict]:
    """The entries of this pass's block in one gazetteer file (up to the next ``# ---`` block)."""
    text = (GAZETTEER_DIR / file_name).read_text(encoding="utf-8")
    assert BLOCK_MARKER in text, f"{file_name}: no block opened by {BLOCK_MARKER!r}"
    block = text.split(BLOCK_MARKER, 1)[1].split("\n# --- ", 1)[0]
    return yaml.safe_load(block.split("\n", 1)[1]) or []


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def bodies() -> list[dict]:
    return _block("state_bodies.yaml")


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return _block("people.yaml")


def test_blocks_are_substantial(bodies, people):
    assert len(bodies) >= 150
    assert len(people) >= 150


@pytest.mark.parametrize("form, actor_id", sorted(RESOLVES.items()))
def test_news_forms_resolve(gazetteer, form, actor_id):
    actor = gazetteer.lookup(form)
    assert actor is not None, f"{form!r} is not in the gazetteer"
    assert actor.id == actor_id


@pytest.mark.parametrize("form", UNCLAIMED)
def test_ambiguous_forms_stay_unclaimed(gazetteer, form):
    assert gazetteer.lookup(form) is None


def test_state_bodies_are_government_organisations_of_the_region(gazetteer, bodies):
    for entry in bodies:
        actor = gazetteer.get(entry["id"])
        assert actor.type == "GovernmentOrganization", actor.id
        assert actor.country in REGION, f"{actor.id}: country {actor.country!r}"
        if actor.parent:
            parent = gazetteer.get(actor.parent)
            assert parent.type == "GovernmentOrganization", f"{actor.id}: parent {parent.id} is a {parent.type}"
            assert parent.country == actor.country, f"{actor.id}: parent {parent.id} of another state"


def test_ids_are_slugs_of_names(bodies, people):
    for entry in bodies + people:
        assert entry["id"] == slugify(entry["name"]).rstrip("-"), entry["id"]


def test_every_role_names_a_known_organisation(gazetteer, people):
    for entry in people:
        actor = gazetteer.get(entry["id"])
        assert actor.type == "Person", actor.id
        for role in actor.roles:
            assert role.org in gazetteer, f"{actor.id}: role org {role.org!r} unknown"
            assert gazetteer.get(role.org).type != "Person", f"{actor.id}: role org {role.org!r} is a person"
            assert role.relation in ("leaderOf", "memberOf"), actor.id
            if role.start is not None and role.end is not None:
                assert role.start <= role.end, f"{actor.id}: {role.role} ends before it starts"


def test_office_holders_resolve_to_their_office(gazetteer):
    offices = {
        "Choe Son Hui": ("north-korean-foreign-ministry", "leaderOf"),
        "Asim Malik": ("inter-services-intelligence", "leaderOf"),
        "Alexander Bortnikov": ("fsb", "leaderOf"),
        "Gilberto Teodoro": ("philippine-department-of-national-defense", "leaderOf"),
        "Zhang Youxia": ("chinese-central-military-commission", "memberOf"),
    }
    for name, (org, relation) in offices.items():
        actor = gazetteer.lookup(name)
        assert actor is not None and actor.type == "Person", name
        assert (org, relation) in {(r.org, r.relation) for r in actor.roles}, name


def test_found_in_running_text(gazetteer):
    text = ("Pakistan's Foreign Office said the Indian Air Force struck targets, while the "
            "China Coast Guard shadowed the Philippine Coast Guard near Scarborough Shoal.")
    found = [m.actor_id for m in gazetteer.find(text)]
    assert found[:4] == ["pakistani-foreign-office", "indian-air-force", "china-coast-guard", "philippine-coast-guard"]
