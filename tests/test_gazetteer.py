"""The gazetteer loader and matcher: bad data files are refused with the file and entry named."""
import pytest

from graph.errors import DataFileError
from graph.gazetteer import Actor, Gazetteer, _load_cached, load_gazetteer, normalise_name


def write_gazetteer(folder, text, non_actors=None):
    gazetteer = folder / "gazetteer"
    gazetteer.mkdir()
    (gazetteer / "actors.yaml").write_text(text, encoding="utf-8")
    if non_actors is not None:
        (folder / "non_actors.yaml").write_text(non_actors, encoding="utf-8")
    _load_cached.cache_clear()
    return gazetteer


IRAN = "- {id: iran, type: Country, name: Iran, capital: Tehran, demonyms: [Iranian]}\n"


@pytest.mark.parametrize("text, message", [
    (IRAN + IRAN, "duplicate actor id 'iran'"),
    (IRAN + "- {id: persia, type: Country, name: Persia, aliases: [Tehran]}\n", "entry 'persia': 'Tehran' is claimed by both 'iran' (actors.yaml) and 'persia'"),
    ("- {id: x, type: Militia, name: X}\n", "entry 'x': unknown type 'Militia'"),
    ("- {id: kh, type: ArmedGroup, name: KH, parent: pmf}\n", "entry 'kh' refers to unknown actor 'pmf'"),
    ("- {id: p, type: Person, name: P, roles: [{org: iran, relation: owns}]}\n" + IRAN, "entry 'p': unknown relation 'owns'"),
    ("- {id: Bad Id, type: Country, name: X}\n", "id must be a lower-case slug"),
    ("- {type: Country, name: X}\n", "has no 'id'"),
    ("{id: x}\n", "a YAML list of entries"),
    ("- [unclosed\n", "cannot read gazetteer file"),
])
def test_bad_gazetteer_files_are_refused_naming_file_and_entry(tmp_path, text, message):
    folder = write_gazetteer(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_gazetteer(folder)
    assert message in str(caught.value)
    assert "actors.yaml" in str(caught.value)


def test_matching_longest_first_with_variants_and_non_actor_phrases(tmp_path):
    folder = write_gazetteer(
        tmp_path,
        IRAN + "- {id: us, type: Country, name: United States, aliases: [US, America, American]}\n"
               "- {id: kh, type: ArmedGroup, name: Kata'ib Hezbollah}\n"
               "- {id: hezbollah, type: ArmedGroup, name: Hezbollah}\n",
        non_actors="- Latin America\n")
    gazetteer = load_gazetteer(folder)
    found = [(m.surface, m.actor_id, m.kind) for m in
             gazetteer.find("Kataib Hezbollah, an Iran-backed group, met Hezbollah; Latin America watched; us too; America's envoy.")]
    assert found == [("Kataib Hezbollah", "kh", "name"), ("Iran", "iran", "name"),
                     ("Hezbollah", "hezbollah", "name"), ("America", "us", "alias")]
    assert gazetteer.lookup("Iranian").id == "iran" and gazetteer.lookup("Kataib Hezbollah").id == "kh"


def test_pycountry_names_become_aliases_unless_excluded(tmp_path):
    folder = write_gazetteer(tmp_path, "- {id: iran, type: Country, name: Iran, iso: IR}\n"
                                       "- {id: rc, type: Country, name: Republic of the Congo, iso: CG, exclude_aliases: [Congo]}\n")
    gazetteer = load_gazetteer(folder)
    assert gazetteer.lookup("Islamic Republic of Iran").id == "iran"
    assert gazetteer.lookup("Congo") is None


def test_the_shipped_gazetteer_loads_and_is_broad():
    gazetteer = load_gazetteer()
    types = [a.type for a in gazetteer.actors.values()]
    assert types.count("Country") >= 195 and types.count("ArmedGroup") >= 300
    assert gazetteer.lookup("Hizballah").id == "hezbollah"
    # groupings of states that act together in the news: the E3 of the Iran nuclear file
    assert gazetteer.lookup("E3").type == "InternationalOrganization" == gazetteer.lookup("E-3").type


def test_normalise_name_matches_the_annotation_rules():
    assert normalise_name("The Kata’ib Hezbollah") == normalise_name("kataib-hezbollah") == "kataib hezbollah"
    assert Gazetteer({"a": Actor("a", "Country", "A")}).lookup("B") is None
