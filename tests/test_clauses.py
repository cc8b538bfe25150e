"""Tests of graph.extract.clauses: the simpler readings of a placeholder sentence that the rules read too."""
from __future__ import annotations

from graph.extract.clauses import absolute_clauses, core, relative_clauses, shared_subject_clauses, views, without_insertions


def test_core_leaves_out_an_apposition_and_a_relative_clause_before_the_predicate():
    assert core("⟨0A⟩, the group's armed wing, has attacked ⟨1C⟩.") == "⟨0A⟩ has attacked ⟨1C⟩."
    assert core("⟨0A⟩, which ⟨1C⟩ arms, struck ⟨2C⟩.") == "⟨0A⟩ struck ⟨2C⟩."


def test_core_reads_a_whose_clause_interrupted_by_an_apposition_to_its_own_verb():
    # the first verb after "whose leader, ⟨P⟩," is the whose clause's, not the sentence's
    assert core("⟨0A⟩, whose leader, ⟨1P⟩, was killed in 2024, still fires rockets at ⟨2C⟩.") == "⟨0A⟩ still fires rockets at ⟨2C⟩."
    assert core("Also on it is ⟨0P⟩, whose uncle, former President ⟨1P⟩, was killed by the ⟨2A⟩.") == \
        "Also on it is ⟨0P⟩, whose uncle, former President ⟨1P⟩, was killed by the ⟨2A⟩."


def test_core_keeps_a_second_whose_clause_with_its_own_verb():
    text = "Also on it is ⟨0P⟩, who commands ⟨1A⟩ and whose uncle, former President ⟨2P⟩, was killed by the ⟨3A⟩."
    assert core(text) == text


def test_core_leaves_out_a_capitalised_title_apposition_with_a_possessive():
    assert core("⟨0P⟩, President ⟨1P⟩'s senior adviser, has held talks with ⟨2A⟩.") == "⟨0P⟩ has held talks with ⟨2A⟩."


def test_a_later_present_verb_with_an_adverb_shares_the_subject():
    assert list(shared_subject_clauses("⟨0A⟩ is led by ⟨1P⟩ and operates mainly in ⟨2C⟩.")) == ["⟨0A⟩ operates mainly in ⟨2C⟩."]


def test_core_keeps_a_list_that_is_no_insertion():
    assert core("⟨0C⟩, ⟨1C⟩ and ⟨2C⟩ met in Doha.") == "⟨0C⟩, ⟨1C⟩ and ⟨2C⟩ met in Doha."


def test_core_leaves_out_time_adverbials_after_the_subject_or_an_auxiliary_only():
    assert core("⟨0C⟩ on Tuesday struck ⟨1A⟩.") == "⟨0C⟩ struck ⟨1A⟩."
    assert core("⟨0G⟩ have for years bombed ⟨1A⟩ hideouts.") == "⟨0G⟩ have bombed ⟨1A⟩ hideouts."
    # after an object the adverbial stays: it may separate two clauses
    assert core("⟨0P⟩ met ⟨1P⟩ on Sunday and flew home.") == "⟨0P⟩ met ⟨1P⟩ on Sunday and flew home."


def test_core_keeps_a_hedge_adverb():
    assert "reportedly" in core("⟨0C⟩ has reportedly armed ⟨1A⟩.")


def test_without_insertions_drops_a_negation_inside_a_relative_clause():
    text = "⟨0A⟩, which has refused to negotiate, has stepped up attacks on ⟨1G⟩"
    assert "refused" not in without_insertions(text)


def test_relative_clause_read_with_its_antecedent_as_subject_or_object():
    assert relative_clauses("⟨0P⟩, who heads ⟨1A⟩, said ...") == ["⟨0P⟩ heads ⟨1A⟩"]
    assert relative_clauses("⟨0A⟩, which ⟨1C⟩ founded, said ...") == ["⟨1C⟩ founded ⟨0A⟩"]


def test_relative_clause_stops_where_a_clause_of_another_subject_begins():
    views_ = relative_clauses("⟨0P⟩, who took over after a ⟨1C⟩ strike killed ⟨2P⟩, said ...")
    assert views_ == ["⟨0P⟩ took over"]


def test_which_after_a_person_in_an_apposition_refers_to_the_group():
    text = "the ⟨0A⟩, the faction of commander ⟨1P⟩, which has refused to talk, attacked ⟨2G⟩."
    assert relative_clauses(text) == ["⟨0A⟩ has refused to talk"]


def test_shared_subject_of_a_later_verb_phrase_and_a_participle():
    assert list(shared_subject_clauses("⟨0C⟩ struck ⟨1A⟩ and killed ⟨2P⟩.")) == ["⟨0C⟩ killed ⟨2P⟩."]
    assert list(shared_subject_clauses("⟨0A⟩ overran ⟨1G⟩ posts, killing ⟨2P⟩.")) == ["⟨0A⟩ killing ⟨2P⟩."]
    # "⟨A⟩ and police": no verb, no view
    assert list(shared_subject_clauses("⟨0A⟩ attacked ⟨1G⟩ and police in the city.")) == []


def test_views_leave_out_the_sentence_itself_and_repeats():
    sentence = "⟨0C⟩ struck ⟨1A⟩."
    assert views(sentence) == []


def test_a_subject_named_by_its_members_reads_as_the_group():
    views_ = views("Fighters from the ⟨0A⟩ in ⟨1C⟩ raided a base, killing two ⟨2Cd⟩ soldiers.")
    assert "⟨0A⟩ fighters raided a base, killing two ⟨2Cd⟩ soldiers." in views_
    assert "⟨0A⟩ killing two ⟨2Cd⟩ soldiers." in views_


def test_a_later_copula_before_a_noun_phrase_shares_the_subject():
    assert list(shared_subject_clauses("⟨0C⟩ borders ⟨1C⟩ and is ⟨2G⟩'s closest backer.")) == ["⟨0C⟩ is ⟨2G⟩'s closest backer."]
    assert list(shared_subject_clauses("⟨0A⟩ fought ⟨1C⟩ and is the largest member of the ⟨2A⟩.")) == \
        ["⟨0A⟩ is the largest member of the ⟨2A⟩."]
    # a copula before an adjective or a participle is no new noun phrase
    assert list(shared_subject_clauses("⟨0C⟩ met ⟨1C⟩ and is expected to return.")) == []


def test_absolute_clauses_read_each_participle_with_its_actor():
    assert absolute_clauses("They clashed, with ⟨0C⟩ pounding ⟨1A⟩ posts and ⟨2A⟩ firing at ⟨3C⟩.") == [
        "⟨0C⟩ pounding ⟨1A⟩ posts", "⟨2A⟩ firing at ⟨3C⟩."]
    # a demonym qualifies a noun in -ing there, which is no participle
    assert absolute_clauses("The council was formed with ⟨0Cd⟩ backing and includes ⟨1P⟩.") == []
    assert absolute_clauses("The council was formed with ⟨0C⟩ funding and includes ⟨1P⟩.") == []
