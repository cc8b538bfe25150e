"""Tests of graph.extract: one small sentence per construction, then the held-out annotated articles."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.articles import Article
from graph.evaluate import evaluate, gazetteer_from_corpus
from graph.extract import Claim, Extractor, extract_article
from graph.extract.mentions import DISCOVERED_PREFIX
from graph.extract.sentences import split_sentences
from graph.gazetteer import Actor, Gazetteer, Role

HELDOUT = Path(__file__).parent / "fixtures" / "corpus_heldout"


def _gazetteer() -> Gazetteer:
    actors = [
        Actor("iran", "Country", "Iran", capital="Tehran", demonyms=("Iranian", "Iranians")),
        Actor("iraq", "Country", "Iraq", capital="Baghdad", demonyms=("Iraqi",)),
        Actor("united-states", "Country", "United States", aliases=("US", "U.S."), capital="Washington",
              demonyms=("American",)),
        Actor("israel", "Country", "Israel", demonyms=("Israeli",)),
        Actor("yemen", "Country", "Yemen", demonyms=("Yemeni",)),
        Actor("ukraine", "Country", "Ukraine", capital="Kyiv", demonyms=("Ukrainian",)),
        Actor("qatar", "Country", "Qatar", capital="Doha", demonyms=("Qatari",)),
        Actor("irgc", "GovernmentOrganization", "Islamic Revolutionary Guard Corps", aliases=("IRGC",), country="iran"),
        Actor("quds-force", "GovernmentOrganization", "Quds Force", parent="irgc", country="iran"),
        Actor("pmf", "GovernmentOrganization", "Popular Mobilization Forces", aliases=("PMF",), country="iraq"),
        Actor("kataib-hezbollah", "ArmedGroup", "Kataib Hezbollah", parent="pmf"),
        Actor("nujaba", "ArmedGroup", "Harakat al-Nujaba", aliases=("Nujaba",)),
        Actor("houthis", "ArmedGroup", "Houthis", aliases=("Houthi", "Ansar Allah")),
        Actor("hamas", "ArmedGroup", "Hamas"),
        Actor("hezbollah", "ArmedGroup", "Hezbollah"),
        Actor("sudani", "Person", "Mohammed Shia al-Sudani"),
        Actor("zelensky", "Person", "Volodymyr Zelensky",
              roles=(Role("President", "ukraine", "leaderOf"),)),
    ]
    return Gazetteer({a.id: a for a in actors})


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(_gazetteer())


def triples(extractor: Extractor, text: str, polarity: str = "positive") -> set[tuple[str, str, str]]:
    return {(c.subject.name, c.predicate, c.object.name) for c in extractor.extract_text(text, "t")
            if c.polarity == polarity}


# -- constructions -------------------------------------------------------------------------------------

def test_hyphenated_backed(extractor):
    assert ("Kataib Hezbollah", "backedBy", "Iran") in triples(extractor, "The Iran-backed Kataib Hezbollah fired rockets.")


def test_passive_backed_and_relative_clause(extractor):
    found = triples(extractor, "Hamas, which is backed by Tehran, rejected the offer.")
    assert ("Hamas", "backedBy", "Iran") in found


def test_active_and_passive_attack(extractor):
    assert ("Israel", "attacked", "Hezbollah") in triples(extractor, "Israel struck Hezbollah positions on Monday.")
    found = triples(extractor, "The Houthis in Yemen were hit by a wave of airstrikes by the US.")
    assert ("United States", "attacked", "Houthis") in found
    assert ("Houthis", "operatesIn", "Yemen") in found


def test_possessive_country_and_proxy(extractor):
    found = triples(extractor, "Yemen's Houthis welcomed the move, and Tehran's proxy Hezbollah stayed silent.")
    assert ("Houthis", "operatesIn", "Yemen") in found
    assert ("Hezbollah", "backedBy", "Iran") in found


def test_apposition_faction_of(extractor):
    found = triples(extractor, "Kataib Hezbollah, one of the most powerful factions inside the PMF, refused.")
    assert ("Kataib Hezbollah", "partOf", "Popular Mobilization Forces") in found


def test_title_head_of_government_and_minister(extractor):
    found = triples(extractor, "Iraqi Prime Minister Mohammed Shia al-Sudani met Iranian Foreign Minister Abbas Araghchi.")
    assert ("Mohammed Shia al-Sudani", "leaderOf", "Iraq") in found
    assert ("Abbas Araghchi", "memberOf", "Iran") in found  # a discovered person, typed by the title
    assert ("Mohammed Shia al-Sudani", "metWith", "Abbas Araghchi") in found or \
           ("Abbas Araghchi", "metWith", "Mohammed Shia al-Sudani") in found


def test_bare_title_resolved_by_gazetteer_role(extractor):
    assert ("Volodymyr Zelensky", "leaderOf", "Ukraine") in triples(
        extractor, "On Friday President Volodymyr Zelensky met Hamas envoys in Doha.")


def test_list_expansion(extractor):
    found = triples(extractor, "Washington designated Kataib Hezbollah, Harakat al-Nujaba and the Houthis as terrorists.")
    assert {("United States", "designated", g) for g in ("Kataib Hezbollah", "Harakat al-Nujaba", "Houthis")} <= found


def test_denial_is_negative_not_asserted(extractor):
    text = "Tehran has consistently denied arming the Houthis."
    assert ("Houthis", "backedBy", "Iran") not in triples(extractor, text)
    assert ("Houthis", "backedBy", "Iran") in triples(extractor, text, polarity="negative")


def test_negated_fire_is_not_an_attack(extractor):
    assert not any(p == "attacked" for _, p, _ in triples(extractor, "Hezbollah held its fire against Israel."))


def test_hedge_marks_and_lowers_confidence(extractor):
    plain = [c for c in extractor.extract_text("Hamas receives weapons from Iran.") if c.predicate == "backedBy"]
    hedged = [c for c in extractor.extract_text("Hamas allegedly receives weapons from Iran.") if c.predicate == "backedBy"]
    assert plain and hedged
    assert hedged[0].hedged and not plain[0].hedged
    assert hedged[0].confidence < plain[0].confidence


def test_plain_attribution_is_not_a_hedge(extractor):
    claims = extractor.extract_text("Iraqi officials said Israel struck Hamas in Doha.")
    assert any(c.predicate == "attacked" and not c.hedged for c in claims)


def test_conditional_and_future_not_asserted(extractor):
    assert not any(p == "attacked" for _, p, _ in triples(extractor, "If Iran attacks Israel, the region will burn."))
    assert not any(p == "attacked" for _, p, _ in triples(extractor, "Officials said Israel would strike Iran."))


def test_threat_keeps_its_modal(extractor):
    assert ("Houthis", "threatened", "United States") in triples(
        extractor, "The Houthis threatened to strike American warships.")


# -- mentions and references ---------------------------------------------------------------------------

def test_discovered_actor_has_stable_id_across_articles(extractor):
    first = extractor.extract_text("Houthi spokesman Yahya Saree said the group would fight.", "a")
    second = extractor.extract(Article(id="b", title="t", text="Houthi spokesman Yahya Saree warned Israel."))
    ids = {c.subject.id for c in first + second if c.subject.name == "Yahya Saree"}
    assert ids == {DISCOVERED_PREFIX + "yahya-saree"}
    assert all(c.subject.discovered for c in first if c.subject.name == "Yahya Saree")


def test_discovered_organisation_by_head_word(extractor):
    found = triples(extractor, "The Iran-backed Ashab al-Kahf Brigades claimed the attack.")
    assert ("Ashab al-Kahf Brigades", "backedBy", "Iran") in found


def test_acronym_defined_in_text(extractor):
    text = "Fighters of the Estado Mayor Central (EMC) clashed with troops. The EMC is backed by Iran."
    assert ("Estado Mayor Central", "backedBy", "Iran") in triples(extractor, text)


def test_surname_after_full_name(extractor):
    text = ("Iraqi Prime Minister Mohammed Shia al-Sudani spoke on Monday. "
            "On Tuesday Sudani met Hamas leaders in Baghdad.")
    assert ("Mohammed Shia al-Sudani", "metWith", "Hamas") in triples(extractor, text)


def test_the_group_and_its_refer_back(extractor):
    text = "Hamas rejected the plan. The group said its leader had met Qatari mediators."
    claims = extractor.extract_text(text)
    assert all(c.subject.name != "the group" for c in claims)
    text = "The State Department sanctioned Harakat al-Nujaba and its leader, Akram al-Kaabi, in 2019."
    found = triples(extractor, text)
    assert ("Akram al-Kaabi", "leaderOf", "Harakat al-Nujaba") in found


def test_unit_leader_is_member_of_parent(extractor):
    text = "The IRGC lost ground. The Quds Force is commanded by Brigadier General Esmail Qaani."
    found = triples(extractor, text)
    assert ("Esmail Qaani", "leaderOf", "Quds Force") in found
    assert ("Esmail Qaani", "memberOf", "Islamic Revolutionary Guard Corps") in found


def test_unit_leader_is_no_member_of_a_parent_the_article_does_not_name(extractor):
    found = triples(extractor, "The Quds Force is commanded by Brigadier General Esmail Qaani.")
    assert ("Esmail Qaani", "leaderOf", "Quds Force") in found
    assert not any(p == "memberOf" for _, p, _ in found)


def test_collective_resolved_to_the_groups_the_article_names(extractor):
    text = ("Several of the Iran-backed militias operating in Iraq are ready to disarm. "
            "Leaders of the Kataib Hezbollah and Harakat al-Nujaba groups met officials on Sunday.")
    found = triples(extractor, text)
    for group in ("Kataib Hezbollah", "Harakat al-Nujaba"):
        assert (group, "backedBy", "Iran") in found
        assert (group, "operatesIn", "Iraq") in found
    assert not any(s.startswith("the ") or o.startswith("the ") for s, _, o in found)


def test_partitive_is_not_a_collective(extractor):
    text = ("Kataib Hezbollah, the most powerful of the Iran-backed factions, rejected the plan. "
            "Harakat al-Nujaba, another faction, agreed.")
    found = triples(extractor, text)
    assert ("Kataib Hezbollah", "backedBy", "Iran") in found
    assert ("Harakat al-Nujaba", "backedBy", "Iran") not in found


def test_more_constructions(extractor):
    assert ("Mohammed Shia al-Sudani", "leaderOf", "Iraq") in triples(
        extractor, "Prime Minister Mohammed Shia al-Sudani of Iraq met Hamas leaders.")
    assert ("Israel", "attacked", "Mohammed Shia al-Sudani") in triples(
        extractor, "Mohammed Shia al-Sudani was wounded in an Israeli drone strike.")
    assert ("Iran", "alliedWith", "Qatar") in triples(extractor, "Iran and Qatar are close allies.") | {
        (o, p, s) for s, p, o in triples(extractor, "Iran and Qatar are close allies.")}
    hedged = [c for c in extractor.extract_text("Iran is believed to arm the Houthis.") if c.predicate == "backedBy"]
    assert hedged and hedged[0].hedged


def test_mediators_meet_each_party(extractor):
    found = {frozenset((s, o)) for s, p, o in triples(extractor, "Qatar and Iraq are mediating between Israel and Hamas.")
             if p == "metWith"}
    assert {frozenset(pair) for pair in [("Israel", "Hamas"), ("Qatar", "Israel"), ("Qatar", "Hamas"),
                                          ("Iraq", "Israel"), ("Iraq", "Hamas")]} <= found
    assert frozenset(("Qatar", "Iraq")) not in found


def test_support_object_lists_and_side_by_side(extractor):
    assert ("Houthis", "backedBy", "Iran") in triples(extractor, "Iran has supplied the Houthis with drones and missiles.")
    assert ("Houthis", "backedBy", "Iran") in triples(extractor, "The Houthis rely on Iranian weapons.")
    found = triples(extractor, "Hamas is active in Qatar, Iraq and Yemen.")
    assert {("Hamas", "operatesIn", c) for c in ("Qatar", "Iraq", "Yemen")} <= found
    found = triples(extractor, "Hamas and Hezbollah fought side by side in 2006.")
    assert ("Hamas", "alliedWith", "Hezbollah") in found
    assert not any(p == "hostileTo" for _, p, _ in found)


def test_denied_clause_and_no_evidence_are_negative(extractor):
    assert ("Houthis", "operatesIn", "Iraq") in triples(
        extractor, "Baghdad denied that the Houthis operate in Iraq.", polarity="negative")
    assert not triples(extractor, "There is no evidence that Iran armed Hamas.")


def test_hyphenated_pairs(extractor):
    assert ("Israel", "hostileTo", "Hamas") in triples(extractor, "The Israel-Hamas war has killed thousands.")
    talks = triples(extractor, "US-Iran talks resumed in Oman.")
    assert ("United States", "metWith", "Iran") in talks or ("Iran", "metWith", "United States") in talks
    assert not triples(extractor, "A US-Houthi truce took effect.")  # a truce alone is no meeting


# -- sentences, claims, contract -------------------------------------------------------------------------

def test_furniture_lines_dropped():
    text = ("World News\n\nBEIRUT, May 2, 2025\n\nIsrael struck Hezbollah on Monday. AP\n"
            "0 seconds of 1 minute, 1 secondVolume 0%\nGetty Images\nWith Post wires\n")
    assert [s.text for s in split_sentences(text)] == ["Israel struck Hezbollah on Monday."]


def test_claim_record_and_offsets(extractor):
    article = Article(id="doc1", title="t", text="Intro line here.\nThe Iran-backed Houthis attacked Israel.")
    claims = extractor.extract(article)
    assert claims and all(article.text[c.start:c.end] == c.evidence for c in claims)
    record = claims[0].to_record()
    assert {"doc", "subject", "subject_type", "predicate", "object", "object_type", "evidence", "confidence",
            "hedged", "polarity", "rule", "start", "end", "subject_id", "object_id"} <= set(record)
    assert record["doc"] == "doc1"


def test_one_claim_per_triple_and_sentence(extractor):
    claims = extractor.extract_text("The Iran-backed Houthis, which are backed by Iran, attacked Israel.")
    keys = [(c.subject.id, c.predicate, c.object.id, c.start) for c in claims]
    assert len(keys) == len(set(keys))


def test_extract_article_convenience_with_gazetteer():
    claims = extract_article(Article(id="x", title="t", text="Israel struck Hamas in Gaza."), _gazetteer())
    assert all(isinstance(c, Claim) for c in claims)
    assert any(c.predicate == "attacked" for c in claims)


# -- held-out annotated articles -------------------------------------------------------------------------

HELDOUT_MIN_PRECISION = 0.90
HELDOUT_MIN_RECALL = 0.62  # reached 0.657 (held-out) with the general constructions; the target for unseen news is 0.75


def test_heldout_scores():
    result = evaluate(HELDOUT, gazetteer=gazetteer_from_corpus(HELDOUT))
    overall = result["figures"]["ALL"]
    assert overall["negated_output"] == 0, result["negated"]
    assert overall["precision"] >= HELDOUT_MIN_PRECISION, result["false"]
    assert overall["recall"] >= HELDOUT_MIN_RECALL


def test_bad_cue_folder_is_a_clear_error(tmp_path):
    from graph.errors import DataFileError
    with pytest.raises(DataFileError, match="relations.yaml"):
        Extractor(_gazetteer(), cues_dir=tmp_path)
    for name in ("titles", "mentions", "polarity"):
        (tmp_path / f"{name}.yaml").write_text((Path(__file__).parent.parent / "ontology" / "cues" / f"{name}.yaml")
                                               .read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "relations.yaml").write_text("lists: {}\nrules:\n  - {id: r, relation: likes, pattern: 'x'}\n",
                                             encoding="utf-8")
    with pytest.raises(DataFileError, match="needs subject and object|unknown relation"):
        Extractor(_gazetteer(), cues_dir=tmp_path)


def test_rule_files_bring_their_own_word_lists(tmp_path):
    """Rules live in ``rules/*.yaml``, a file per relation family, each with word lists of its own."""
    from graph.errors import DataFileError
    from graph.extract.cues import load_cues
    cues = Path(__file__).parent.parent / "ontology" / "cues"
    for name in ("titles", "mentions", "polarity"):
        (tmp_path / f"{name}.yaml").write_text((cues / f"{name}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "relations.yaml").write_text("lists: {}\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    rule_file = tmp_path / "rules" / "sanctions.yaml"
    rule_file.write_text("lists: {penalise: [penalised, punished]}\nrules:\n  - {id: penalised, relation: designated, "
                         "pattern: '{A:STATE} {@penalise} (?:the )?{B:ARMED}', subject: A, object: B}\n", encoding="utf-8")
    found = triples(Extractor(_gazetteer(), cues_dir=tmp_path), "Iran punished the Houthis.")
    assert found == {("Iran", "designated", "Houthis")}
    (tmp_path / "rules" / "twice.yaml").write_text("lists: {penalise: [fined]}\nrules: []\n", encoding="utf-8")
    load_cues.cache_clear()  # the files changed under the same folder
    with pytest.raises(DataFileError, match="twice.yaml: word list 'penalise' is defined twice"):
        Extractor(_gazetteer(), cues_dir=tmp_path)


# -- general constructions for unseen text ---------------------------------------------------------------

def test_reporting_frame_it_had_struck(extractor):
    found = triples(extractor, "Israel said on Sunday it had struck Hezbollah positions near the border.")
    assert ("Israel", "attacked", "Hezbollah") in found


def test_coordinated_forces_and_targets_in_held_areas(extractor):
    found = triples(extractor, "American and Israeli warplanes and warships struck dozens of targets in Houthi-controlled areas overnight.")
    assert {("United States", "attacked", "Houthis"), ("Israel", "attacked", "Houthis")} <= found


def test_coordinated_predicate_only_for_sentence_subject(extractor):
    found = triples(extractor, "Hamas fired rockets at Ashkelon on Monday and has repeatedly attacked Israel.")
    assert ("Hamas", "attacked", "Israel") in found
    found = triples(extractor, "Israel still holds positions inside southern Yemen and regularly strikes Hamas targets.")
    assert ("Yemen", "attacked", "Hamas") not in found


def test_alongside_against(extractor):
    found = triples(extractor, "Iranian troops fought alongside Iraqi forces against Hamas for years.")
    assert {("Iran", "hostileTo", "Hamas"), ("Iraq", "hostileTo", "Hamas")} <= found


def test_apposition_at_war(extractor):
    found = triples(extractor, "Hamas, a movement that has been at war with Israel since 1987, rejected the plan.")
    assert ("Hamas", "hostileTo", "Israel") in found


def test_clashes_between(extractor):
    assert ("Houthis", "hostileTo", "Hamas") in triples(extractor, "Clashes between the Houthis and Hamas erupted on Friday.")


def test_host_of_talks_meets_each_guest(extractor):
    found = triples(extractor, "Qatar hosted Volodymyr Zelensky and Iraqi Prime Minister Mohammed Shia al-Sudani for talks in Doha.")
    assert {("Qatar", "metWith", "Volodymyr Zelensky"), ("Qatar", "metWith", "Mohammed Shia al-Sudani"),
            ("Volodymyr Zelensky", "metWith", "Mohammed Shia al-Sudani")} <= found
    assert ("Qatar", "metWith", "Iraq") not in found  # the demonym only qualifies the title


def test_delegations_met_and_pair_held_talks(extractor):
    found = triples(extractor, "Iranian and Iraqi delegations met in Doha on Friday.")
    assert ("Iran", "metWith", "Iraq") in found
    assert ("Israel", "metWith", "Yemen") in triples(extractor, "Israel and Yemen have reportedly held direct talks in Doha.")


def test_after_talks_mediated_by(extractor):
    found = triples(extractor, "Iran and Iraq agreed to a ceasefire after talks in Doha mediated by Qatar.")
    assert {("Iran", "metWith", "Iraq"), ("Qatar", "metWith", "Iran"), ("Qatar", "metWith", "Iraq")} <= found


def test_threats_vowed_and_warned_would(extractor):
    assert ("Houthis", "threatened", "Israel") in triples(extractor, "The Houthis have vowed to retaliate against Israel.")
    found = triples(extractor, "Volodymyr Zelensky warned on Saturday that Kyiv would strike Iran if the attacks continued.")
    assert ("Volodymyr Zelensky", "threatened", "Iran") in found
    assert ("Hamas", "threatened", "Israel") in triples(extractor, "Hamas said Israel would pay a heavy price.")


def test_formed_pact_and_siding_with(extractor):
    found = triples(extractor, "Iran, Iraq and Yemen have formed a mutual defence pact.")
    assert {("Iran", "alliedWith", "Iraq"), ("Iran", "alliedWith", "Yemen"), ("Iraq", "alliedWith", "Yemen")} <= found


def test_operates_mainly_in_and_has_troops_in(extractor):
    assert ("Hamas", "operatesIn", "Yemen") in triples(extractor, "Hamas, which operates mainly in Yemen's northwest, denied it.")
    assert ("Hezbollah", "operatesIn", "Iraq") in triples(extractor, "Hezbollah, which already has several hundred fighters in Iraq, said nothing.")
    found = triples(extractor, "Hamas is active in eastern Iraq and western Yemen.")
    assert {("Hamas", "operatesIn", "Iraq"), ("Hamas", "operatesIn", "Yemen")} <= found


def test_operates_in_not_for_possessor_inside_apposition(extractor):
    found = triples(extractor, "Harakat al-Nujaba, the Houthis' branch in the region, is active in Iraq.")
    assert ("Houthis", "operatesIn", "Iraq") not in found
    assert ("Harakat al-Nujaba", "operatesIn", "Iraq") in found


def test_partof_merged_and_elite_unit_of_backed(extractor):
    assert ("Kataib Hezbollah", "partOf", "Popular Mobilization Forces") in triples(
        extractor, "Kataib Hezbollah has been formally merged into the Popular Mobilization Forces.")
    assert ("Harakat al-Nujaba", "partOf", "Hezbollah") in triples(
        extractor, "Harakat al-Nujaba, the elite unit of the Iran-backed Hezbollah, fired rockets.")


def test_designation_list_apposition_and_sanctions_package(extractor):
    found = triples(extractor, "The US on Friday designated Hamas, the group that controls Gaza, and the Houthis, the largest militia in Yemen, as terrorist organisations.")
    assert {("United States", "designated", "Hamas"), ("United States", "designated", "Houthis")} <= found
    assert ("Qatar", "designated", "Iran") in triples(extractor, "Qatar is preparing its 17th package of sanctions against Iran.")


def test_backing_turned_to_and_remain_suppliers(extractor):
    assert ("Iraq", "backedBy", "Iran") in triples(extractor, "Iraq expelled American troops and turned to Tehran for military support.")
    found = triples(extractor, "Qatar and Israel remain Ukraine's biggest suppliers of weapons.")
    assert {("Ukraine", "backedBy", "Qatar"), ("Ukraine", "backedBy", "Israel")} <= found


def test_hedged_and_negated_new_rules(extractor):
    assert ("Hamas", "hostileTo", "Israel") in triples(extractor, "Hamas has not been at war with Israel since 2021.", "negative")
    assert ("Iraq", "backedBy", "Iran") not in triples(extractor, "Iraq did not turn to Tehran for military support.")


# -- round 2: talks, threats, alliances, shared subjects, ongoing support ----------------------------------

def test_ongoing_support_is_not_hypothetical(extractor):
    found = triples(extractor, "The IRGC will keep training and equipping Kataib Hezbollah, Iranian officials said.")
    assert ("Kataib Hezbollah", "backedBy", "Islamic Revolutionary Guard Corps") in found
    assert ("Houthis", "backedBy", "Iran") in triples(extractor, "Iran will continue to arm the Houthis.")
    # a condition still suspends it
    assert not triples(extractor, "If the talks fail, Iran will continue to arm the Houthis.")
    assert not triples(extractor, "Iran would keep arming the Houthis unless Washington lifted the sanctions.")


def test_held_no_talks_is_negated(extractor):
    text = "Hamas has held no talks with Israel since the war began."
    assert ("Hamas", "metWith", "Israel") in triples(extractor, text, "negative")
    assert ("Hamas", "metWith", "Israel") not in triples(extractor, text)


def test_spoken_with_and_shuttled_between(extractor):
    found = triples(extractor, "Volodymyr Zelensky said he had spoken with Mohammed Shia al-Sudani on Monday.")
    assert ("Volodymyr Zelensky", "metWith", "Mohammed Shia al-Sudani") in found
    found = triples(extractor, "Weeks of indirect negotiations followed in Doha, where Qatari mediators shuttled between Israeli and Hamas delegations.")
    assert {("Qatar", "metWith", "Israel"), ("Qatar", "metWith", "Hamas"), ("Israel", "metWith", "Hamas")} <= found


def test_host_of_rounds_of_talks_and_envoy_title(extractor):
    found = triples(extractor, "Qatar had hosted five rounds of indirect nuclear talks between Iranian envoy Mohammed Shia al-Sudani and US envoy Volodymyr Zelensky.")
    assert {("Qatar", "metWith", "Mohammed Shia al-Sudani"), ("Qatar", "metWith", "Volodymyr Zelensky")} <= found
    # the countries only qualify the envoys
    assert ("Qatar", "metWith", "Iran") not in found and ("Qatar", "metWith", "United States") not in found


def test_hosted_delegation_led_by_and_received_by(extractor):
    found = triples(extractor, "Volodymyr Zelensky hosted a Hamas delegation led by Mohammed Shia al-Sudani in Kyiv last week.")
    assert {("Volodymyr Zelensky", "metWith", "Hamas"), ("Volodymyr Zelensky", "metWith", "Mohammed Shia al-Sudani")} <= found
    found = triples(extractor, "Mohammed Shia al-Sudani was received in Kyiv in April by President Volodymyr Zelensky.")
    assert ("Mohammed Shia al-Sudani", "metWith", "Volodymyr Zelensky") in found


def test_met_state_officials_and_relayed_proposal(extractor):
    found = triples(extractor, "Volodymyr Zelensky met Iraqi and Yemeni defence chiefs in Kyiv on Tuesday.")
    assert {("Volodymyr Zelensky", "metWith", "Iraq"), ("Volodymyr Zelensky", "metWith", "Yemen")} <= found
    assert ("Qatar", "metWith", "Hamas") in triples(extractor, "Qatar relayed the proposal to Hamas on Sunday.")


def test_shared_subject_of_a_later_verb_phrase(extractor):
    found = triples(extractor, "Volodymyr Zelensky met Mohammed Shia al-Sudani on Sunday and flew to Doha on Tuesday for talks with Hamas.")
    assert ("Volodymyr Zelensky", "metWith", "Hamas") in found
    assert ("Mohammed Shia al-Sudani", "metWith", "Hamas") not in found
    found = triples(extractor, "Hamas spokesman Mohammed Shia al-Sudani said Hamas would talk to Qatar, and he warned Israel that it would pay.")
    assert ("Mohammed Shia al-Sudani", "threatened", "Israel") in found
    # a passive second participle belongs to the same clause, not to the opening subject
    found = triples(extractor, "US officials say Kataib Hezbollah is armed and funded by the IRGC.")
    assert ("United States", "backedBy", "Islamic Revolutionary Guard Corps") not in found


def test_threats_any_aggression_and_warned_actor_that(extractor):
    found = triples(extractor, "Volodymyr Zelensky warned that any further Iranian aggression would be met with a swift response.")
    assert ("Volodymyr Zelensky", "threatened", "Iran") in found
    found = triples(extractor, "Volodymyr Zelensky has warned Iran that his army would crush any attempt to seize the port.")
    assert ("Volodymyr Zelensky", "threatened", "Iran") in found
    found = triples(extractor, "Mohammed Shia al-Sudani said the army would respond \"with full force\" to any further aggression by Hamas.")
    assert ("Mohammed Shia al-Sudani", "threatened", "Hamas") in found
    assert ("Hamas", "threatened", "Israel") in triples(extractor, "Hamas has vowed to \"finish off\" Israel's bases by the summer.")


def test_alliances_cooperated_against_aligned_fought_alongside(extractor):
    found = triples(extractor, "Hezbollah has cooperated with Tehran against Hamas for years.")
    assert {("Hezbollah", "alliedWith", "Iran"), ("Hezbollah", "hostileTo", "Hamas")} <= found
    assert ("Harakat al-Nujaba", "alliedWith", "Kataib Hezbollah") in triples(
        extractor, "Harakat al-Nujaba, a unit aligned with Kataib Hezbollah, fired rockets.")
    found = triples(extractor, "Iraq was accused of sending thousands of soldiers from the IRGC to fight alongside Hamas.")
    assert ("Islamic Revolutionary Guard Corps", "alliedWith", "Hamas") in found


def test_waged_insurgency_against_and_founded_by_is_no_subject(extractor):
    found = triples(extractor, "Hamas, founded by Mohammed Shia al-Sudani, who has been jailed since 1999, has waged an insurgency against the Israeli state since 1984.")
    assert ("Hamas", "hostileTo", "Israel") in found
    assert ("Mohammed Shia al-Sudani", "hostileTo", "Israel") not in found
    assert ("Mohammed Shia al-Sudani", "backedBy", "Hamas") not in found


def test_launched_strikes_on_and_kill_apposed_person(extractor):
    assert ("Israel", "attacked", "Houthis") in triples(extractor, "On May 7 Israel launched missile strikes on Houthi positions.")
    found = triples(extractor, "Israel's opening wave killed the commander of the IRGC, Mohammed Shia al-Sudani, on Friday.")
    assert ("Israel", "attacked", "Mohammed Shia al-Sudani") in found


def test_title_apposition_before_the_verb(extractor):
    found = triples(extractor, "Mohammed Shia al-Sudani, head of Iraq's Popular Mobilization Forces, hosted a Hamas delegation in Baghdad.")
    assert ("Mohammed Shia al-Sudani", "metWith", "Hamas") in found
    assert ("Popular Mobilization Forces", "metWith", "Hamas") not in found  # embedded in the apposition


def test_designation_brands_relative_list_and_like_others(extractor):
    assert ("United States", "designated", "Hamas") in triples(extractor, "Washington brands Qatar's Hamas a terrorist group as strikes mount.")
    found = triples(extractor, "It provided support to Hamas, a militant group that Washington added to the same list in February.")
    assert ("United States", "designated", "Hamas") in found
    found = triples(extractor, "Baghdad welcomed it, a step long demanded by Qatar, which, like the United States and Israel, lists Hamas as a terrorist organisation.")
    assert {("Qatar", "designated", "Hamas"), ("United States", "designated", "Hamas"), ("Israel", "designated", "Hamas")} <= found
    found = triples(extractor, "Hamas, which Qatar, the United States and Israel list as a terrorist organisation, said nothing.")
    assert {("Qatar", "designated", "Hamas"), ("United States", "designated", "Hamas"), ("Israel", "designated", "Hamas")} <= found


def test_fighters_of_group_attack_and_demonym_before_aircraft(extractor):
    assert ("Houthis", "attacked", "Israel") in triples(extractor, "Fighters from the Houthis overran an Israeli military base on Monday.")
    assert ("United States", "attacked", "Iran") in triples(extractor, "On June 22, American B-2 bombers hit Iran's nuclear sites.")
    found = triples(extractor, "Israel's opening wave killed the commander of the IRGC, Mohammed Shia al-Sudani, on Friday.")
    assert ("Israel", "attacked", "Islamic Revolutionary Guard Corps") in found


def test_the_rules_word_prefilter_never_skips_a_sentence_a_rule_matches():
    """Each rule's required word sets must be met by every sentence (and clause view) it matches: the
    pre-filter only saves time, it never changes what is extracted."""
    from graph.extract import _code
    from graph.extract.clauses import views
    from graph.extract.rules import sentence_words

    extractor = Extractor()
    skipped = []
    for path in sorted(HELDOUT.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = extractor.mentions.find(text)
        for sentence in split_sentences(text):
            inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
            if not inside:
                continue
            coded, _ = _code(text, sentence, inside)
            for view in [coded, *views(coded)]:
                words = sentence_words(view)
                skipped += [rule.id for rule in extractor.rules
                            if any(required.isdisjoint(words) for required in rule.keywords) and rule.regex.search(view)]
    assert skipped == []


def test_a_not_after_list_keeps_a_pattern_from_matching_after_its_words():
    from graph.errors import DataFileError
    from graph.extract.rules import PatternCompiler
    compiler = PatternCompiler({"before": ["push", "beat up"]}, [])
    pattern = compiler.compile("{<@before}back {B:ARMED}", "test")
    assert pattern.search("they back ⟨0A⟩") and pattern.search("they pushed back ⟨0A⟩")
    assert not pattern.search("they push back ⟨0A⟩") and not pattern.search("they beat up back ⟨0A⟩")
    with pytest.raises(DataFileError):
        compiler.compile("{<@missing}back {B:ARMED}", "test")
