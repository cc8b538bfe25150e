"""Conflict relation rules (attacked, threatened, hostileTo) on short made-up sentences, with near misses."""
from __future__ import annotations

import pytest

from graph.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def triples(extractor: Extractor, text: str, polarity: str = "positive") -> set[tuple[str, str, str]]:
    return {(c.subject.name, c.predicate, c.object.name) for c in extractor.extract_text(text) if c.polarity == polarity}


def has(found: set, subject: str, predicate: str, obj: str) -> bool:
    """Symmetric hostileTo may come out in either direction."""
    return (subject, predicate, obj) in found or (predicate == "hostileTo" and (obj, predicate, subject) in found)


ATTACKED = [
    # strikes that kill
    ("An Israeli air strike on a vehicle near Tyre late on Monday killed a senior commander of Hezbollah.", "Israel", "Hezbollah"),
    ("Abu Mahdi al-Muhandis, the militia leader killed in a US drone strike in 2020, was mourned in Baghdad.",
     "United States", "Abu Mahdi al-Muhandis"),
    # claimed attacks in a state's city
    ("Al-Shabaab claimed responsibility for a suicide bombing in the Kenyan town of Mandera.", "al-Shabaab", "Kenya"),
    # ongoing attacks stated as a vow or a retaliation
    ("Hezbollah vowed to keep shelling Israeli positions until the war in Gaza ends.", "Hezbollah", "Israel"),
    ("Houthi forces retaliated hours later by firing at Saudi border posts.", "Houthis", "Saudi Arabia"),
    ("Hamas announced it was halting its rocket attacks on Israel for the holiday.", "Hamas", "Israel"),
    # whose fighters, targets used by, participles
    ("Al-Shabaab, whose fighters have ambushed dozens of Kenyan soldiers, rejected the offer.", "al-Shabaab", "Kenya"),
    ("Israeli jets bombed dozens of depots in Syria and Lebanon used by Hezbollah.", "Israel", "Hezbollah"),
    ("Al-Shabaab fighters stormed a base near the border on Friday, killing three Kenyan soldiers.", "al-Shabaab", "Kenya"),
    ("The Sudanese army drove the Rapid Support Forces out of the capital.", "Sudanese Armed Forces", "Rapid Support Forces"),
    # a strike that killed a person named after his title; a campaign that ended; an attack survived and claimed
    ("An Israeli air strike killed the prime minister of the Houthi government, Ahmed al-Rahawi, on Thursday.",
     "Israel", "Ahmed Ghaleb al-Rahawi"),
    ("The United States ended its own seven-week bombing campaign against the Houthis in May.", "United States", "Houthis"),
    ("Somali President Hassan Sheikh Mohamud survived a roadside bomb attack on his convoy that al-Shabab claimed.",
     "al-Shabaab", "Hassan Sheikh Mohamud"),
    # an armed campaign kept up against a group
    ("Nigerian troops have intensified their campaign against Boko Haram.", "Nigeria", "Boko Haram"),
    # a campaign against a group's named wing hits the wing; a salvo in answer
    ("Israeli troops kept up their campaign against Hamas's armed wing, the Izz al-Din al-Qassam Brigades.",
     "Israel", "Qassam Brigades"),
    ("Tehran answered with a missile salvo at the largest US air base in the region.", "Iran", "United States"),
    # an attack led by a group, a state's air defences downing a drone
    ("The Houthis launched their campaign weeks after the Hamas-led attack on Israel.", "Hamas", "Israel"),
    ("On March 31, Algeria's air defences shot down a Malian drone near the border.", "Algeria", "Mali"),
    # an absolute clause: "with X striking Y"
    ("The two countries traded fire for days, with Israel striking Iranian nuclear sites and Iran firing missiles at Tel Aviv.",
     "Israel", "Iran"),
    # driven out; a number that opens with "at"
    ("The Somali National Army has driven al-Shabaab out of several towns.", "Somali National Army", "al-Shabaab"),
    ("Militants from ISWAP killed at least 20 Nigerian soldiers.", "Islamic State West Africa Province", "Nigeria"),
    # strikes a state answered with
    ("Israel intervened with a wave of air strikes on Syrian army tanks.", "Israel", "Syrian Army"),
]


@pytest.mark.parametrize("text, subject, obj", ATTACKED)
def test_attacked(extractor, text, subject, obj):
    found = triples(extractor, text)
    assert (subject, "attacked", obj) in found, found


THREATENED = [
    ("The defence minister Yoav Gallant warned that more strikes on Hezbollah would follow if the rocket fire went on.",
     "Yoav Gallant", "Hezbollah"),
    ("Houthi commanders warned they might step up drone attacks on Saudi airports unless the blockade is lifted.",
     "Houthis", "Saudi Arabia"),
    ("Netanyahu has threatened to resume the war if Hamas breaks the truce.", "Benjamin Netanyahu", "Hamas"),
    ("Iran warned that any new aggression would bring a crushing response against Israel.", "Iran", "Israel"),
    ("Iran warned that it would not hesitate to strike Israel again.", "Iran", "Israel"),
    ("Hezbollah rejected the proposal and vowed to keep striking Israel.", "Hezbollah", "Israel"),
    # a warning that says when it was given; a title after the body the speaker heads
    ("Field Marshal Asim Munir, Pakistan's army chief, warned the Taliban last week that Pakistan would respond with "
     "force to any attack.", "Asim Munir", "Taliban"),
    ("The Pentagon warned Venezuela that its jets would be shot down.", "US Department of Defense", "Venezuela"),
    ("Israel Katz has warned that Israel will intensify its strikes on Hezbollah unless Beirut disarms it.",
     "Israel Katz", "Hezbollah"),
    ("Chadian President Mahamat Idriss Deby threatened to pull Chad out of the Multinational Joint Task Force.",
     "Mahamat Idriss Déby", "Multinational Joint Task Force"),
]


def test_a_warning_of_no_harm_and_a_threat_to_leave_threaten_no_one_else(extractor):
    assert not any(p == "threatened" for _, p, _ in triples(extractor, "The UN warned Israel that the talks would fail."))
    found = triples(extractor, "Chadian President Mahamat Idriss Deby threatened to pull Chad out of the Multinational Joint Task Force.")
    assert ("Mahamat Idriss Déby", "threatened", "Chad") not in found, found


@pytest.mark.parametrize("text, subject, obj", THREATENED)
def test_threatened(extractor, text, subject, obj):
    found = triples(extractor, text)
    assert (subject, "threatened", obj) in found, found


HOSTILE = [
    ("Tehran and the Taliban face a common enemy in Islamic State Khorasan Province.", "Iran", "Islamic State Khorasan Province"),
    ("Hayat Tahrir al-Sham led the offensive that overthrew President Bashar al-Assad.", "Hayat Tahrir al-Sham", "Bashar al-Assad"),
    ("The fighting between Israel and the Iran-backed Houthis has disrupted shipping.", "Israel", "Houthis"),
    ("The Palestinian Authority, which was driven out of Gaza by Hamas, wants a role.", "Hamas", "Palestinian Authority"),
    ("Turkey deployed drones in 2020 to help Tripoli fight off the Libyan National Army.", "Turkey", "Libyan National Army"),
    ("Nigeria's army is battling a jihadist insurgency waged by Boko Haram in the northeast.", "Nigerian Army", "Boko Haram"),
    ("Kenya says its soldiers are defending the border against al-Shabaab.", "Kenya", "al-Shabaab"),
    ("Burundi, whose troops are stationed in South Kivu against the M23, denied the report.", "Burundi", "M23"),
    ("India and Pakistan, at war over Kashmir three times, traded accusations.", "India", "Pakistan"),
    ("Chadian soldiers fought alongside Nigerien government troops against Boko Haram.", "Chad", "Boko Haram"),
    # hostility as an adjective or a noun; a war waged with a modifier; a partner against; a possessor's enemy
    ("Kataib Hezbollah, which is led by Abu Hussein al-Hamidawi, has been the most openly hostile to the United States.",
     "Kataeb Hezbollah", "United States"),
    ("The accusations are likely to deepen the hostility between India and Pakistan.", "India", "Pakistan"),
    ("Iran's hostility towards Israel has shaped its foreign policy.", "Iran", "Israel"),
    ("Sandu warned that Russia was waging a hybrid war against Moldova.", "Russia", "Moldova"),
    ("Today the Syrian government is Washington's partner against the Islamic State.", "Syria", "Islamic State"),
    ("ISKP's principal enemy at home is Afghanistan's Taliban government.", "Islamic State Khorasan Province", "Taliban"),
    ("Turkey, once Khalifa Haftar's fiercest enemy, has mended fences with the east.", "Turkey", "Khalifa Haftar"),
    ("Pakistani officials also accuse India, Pakistan's arch-rival, of funding the TTP.", "India", "Pakistan"),
]


@pytest.mark.parametrize("text, attacked, taken_from", [
    ("Al-Shabaab fighters seized the town of Adan Yabaal from the Somali army on Wednesday.", True, "Somali National Army"),
    ("The MNDAA handed back Lashio, which it had captured from the Myanmar army last year.", True, "Myanmar Armed Forces"),
    # a change of command or of power is no attack
    ("The Africa Corps took over from the Wagner Group in June.", False, "Wagner Group"),
    ("General Tiani seized power from Mohamed Bazoum in July 2023.", False, "Mohamed Bazoum"),
])
def test_what_a_group_captured_from_another_is_an_attack_on_it(extractor, text, attacked, taken_from):
    found = triples(extractor, text)
    assert any(p == "attacked" and o == taken_from for _, p, o in found) is attacked, found


def test_hostility_denied_or_owned_by_a_third_is_not_asserted(extractor):
    denied = "Hezbollah is not hostile to the Lebanese army."
    assert not has(triples(extractor, denied), "Hezbollah", "hostileTo", "Lebanese Armed Forces")
    assert has(triples(extractor, denied, "negative"), "Hezbollah", "hostileTo", "Lebanese Armed Forces")
    found = triples(extractor, "Qatar, Hamas's host, is no partner against Israel's enemies.")
    assert not any(p == "hostileTo" and s == "Qatar" for s, p, _ in found), found


def test_defending_against_an_accusation_is_no_hostility(extractor):
    found = triples(extractor, "Kenya says its officials are defending the deal against criticism from Somalia.")
    assert not has(found, "Kenya", "hostileTo", "Somalia"), found


@pytest.mark.parametrize("text, subject, obj", HOSTILE)
def test_hostile(extractor, text, subject, obj):
    found = triples(extractor, text)
    assert has(found, subject, "hostileTo", obj), found


def test_hypothetical_attack_is_not_asserted(extractor):
    assert not any(p == "attacked" for _, p, _ in triples(extractor, "If Hezbollah keeps attacking Israel, the army will respond."))


def test_negated_ongoing_attack_is_not_positive(extractor):
    assert ("Hamas", "attacked", "Israel") not in triples(extractor, "Hamas did not keep attacking Israel.")


def test_what_sanctions_target_is_not_attacked(extractor):
    text = "The European Union adopted new sanctions against Russia on Tuesday, targeting 200 tankers of Moscow's shadow fleet."
    found = triples(extractor, text)
    assert ("European Union", "designated", "Russia") in found
    assert not any(p == "attacked" for _, p, _ in found), found


def test_a_pledge_to_stop_firing_is_no_threat(extractor):
    found = triples(extractor, "Under the deal the Houthis pledged to stop firing on American vessels.")
    assert not any(p == "threatened" for _, p, _ in found), found
    assert ("Houthis", "threatened", "United States") in triples(extractor, "The Houthis vowed to keep firing on American vessels.")


def test_threat_to_reinstate_someone_is_no_threat_to_them(extractor):
    found = triples(extractor, "ECOWAS threatened to use force to restore Mohamed Bazoum to power.")
    assert ("ECOWAS", "threatened", "Mohamed Bazoum") not in found


def test_denied_plain_object_does_not_negate_next_verb_phrase(extractor):
    # "rejected the truce" does not negate what follows "and vowed"; a denied report still negates
    found = triples(extractor, "Hezbollah rejected the truce and vowed to keep shelling Israeli positions.")
    assert ("Hezbollah", "attacked", "Israel") in found
    denied = "Hezbollah denied the report and shelled Israeli positions."
    assert ("Hezbollah", "attacked", "Israel") not in triples(extractor, denied)
    assert ("Hezbollah", "attacked", "Israel") in triples(extractor, denied, "negative")


def test_strikes_on_held_towns_do_not_attack_the_holder(extractor):
    found = triples(extractor, "The junta responded with air strikes on Arakan Army-held towns.")
    assert not any(p == "attacked" and o == "Arakan Army" for _, p, o in found)


def test_feud_with_binds_the_sentence_subject(extractor):
    found = triples(extractor, "Hamas sought help from Iran after a bitter feud with Fatah in 2007.")
    assert has(found, "Hamas", "hostileTo", "Fatah")
    assert not has(found, "Iran", "hostileTo", "Fatah")


def test_a_whose_clause_does_not_lend_its_verb_to_the_antecedent(extractor):
    text = "Also on the council is Tareq Saleh, whose uncle, former President Ali Abdullah Saleh, was killed by the Houthis in 2017."
    found = triples(extractor, text)
    assert ("Houthis", "attacked", "Ali Abdullah Saleh") in found
    assert ("Houthis", "attacked", "Tareq Saleh") not in found


def test_which_after_a_person_is_said_of_the_group_not_the_person(extractor):
    text = ("The Estado Mayor Central, the dissident faction of commander Ivan Mordisco, which has refused to negotiate, "
            "has stepped up attacks on Colombia's military.")
    found = triples(extractor, text)
    assert not any(s == "Iván Mordisco" and p == "attacked" for s, p, _ in found), found



def test_the_place_of_an_attack_blamed_on_a_group_attacked_nobody(extractor):
    found = triples(extractor, "The Pentagon has blamed the Jordan attack on the Islamic Resistance in Iraq.")
    assert ("Jordan", "attacked", "Islamic Resistance in Iraq") not in found


def test_a_group_announced_by_its_leader_is_the_one_that_pauses_attacks(extractor):
    text = ("Kataib Hezbollah's secretary-general, Abu Hussein al-Hamidawi, announced that the group was suspending "
            "its military operations against US forces.")
    found = triples(extractor, text)
    assert ("Abu Hussein al-Hamidawi", "attacked", "United States") not in found
    assert ("Kataeb Hezbollah", "attacked", "United States") in found


def test_a_claimed_attack_is_an_admission_not_a_hedge(extractor):
    text = "Somali President Hassan Sheikh Mohamud survived a bomb attack on his convoy that al-Shabab claimed."
    claim = next(c for c in extractor.extract_text(text) if c.predicate == "attacked")
    assert not claim.hedged


def test_firing_back_at_a_group_is_no_backing(extractor):
    found = triples(extractor, "Radaa fighters fired back at the 444 Brigade with heavy weapons.")
    assert not any(p == "backedBy" for _, p, _ in found), found


def test_a_second_whose_clause_owns_the_passive_after_it(extractor):
    text = ("Also on the council is Tareq Saleh, who commands the National Resistance Forces and whose uncle, "
            "former President Ali Abdullah Saleh, was killed by the Houthis in 2017.")
    found = triples(extractor, text)
    assert ("Houthis", "attacked", "Ali Abdullah Saleh") in found
    assert ("Houthis", "attacked", "Tareq Saleh") not in found, found


def test_a_pressure_campaign_is_no_attack(extractor):
    found = triples(extractor, "Washington has stepped up its pressure campaign against Iran.")
    assert ("United States", "attacked", "Iran") not in found, found


def test_the_official_a_unit_reports_to_is_not_the_attacker(extractor):
    text = "A task force reporting to Prime Minister Alix Didier Fils-Aime has carried out strikes on Viv Ansanm strongholds."
    found = triples(extractor, text)
    assert not any(p == "attacked" and s.startswith("Alix") for s, p, _ in found), found


def test_a_launch_does_not_reach_a_target_after_a_subordinate_clause(extractor):
    found = triples(extractor, "The Houthis launched their campaign weeks after the Hamas-led attack on Israel.")
    assert ("Houthis", "attacked", "Israel") not in found, found


def test_groups_spelled_out_after_among_them_are_each_fought(extractor):
    text = ("The Arakan Army is also fighting Rohingya armed groups, among them the Arakan Rohingya Salvation Army "
            "(ARSA) and the Rohingya Solidarity Organisation (RSO).")
    found = triples(extractor, text)
    assert has(found, "Arakan Army", "hostileTo", "Arakan Rohingya Salvation Army")
    assert has(found, "Arakan Army", "hostileTo", "Rohingya Solidarity Organisation")


def test_a_threat_of_action_if_a_group_does_not_comply_is_a_positive_threat(extractor):
    text = "Turkish Foreign Minister Hakan Fidan has warned that Ankara would take military action if the YPG did not disband."
    assert has(triples(extractor, text), "Hakan Fidan", "threatened", "YPG")
    text = "Trump has warned that he would order fresh strikes if Iran tried to rebuild its enrichment sites."
    assert has(triples(extractor, text), "Donald Trump", "threatened", "Iran")


def test_designations_of_counted_others_and_of_groups_added_with_them(extractor):
    text = ("In February the State Department designated the Sinaloa cartel and two other Mexican criminal organisations, "
            "the Jalisco New Generation Cartel and the Gulf Cartel, as foreign terrorist organisations, together with "
            "Tren de Aragua.")
    designated = {o for _, p, o in triples(extractor, text) if p == "designated"}
    assert {"Sinaloa Cartel", "Jalisco New Generation Cartel", "Gulf Cartel", "Tren de Aragua"} <= designated, designated


def test_a_third_states_base_in_a_country_is_no_attack_on_the_country(extractor):
    named = ("Iran fired a salvo of missiles at Al Udeid air base in Qatar, the largest US military installation "
             "in the region, after giving advance warning.")
    assert ("Iran", "attacked", "Qatar") not in triples(extractor, named)
    found = triples(extractor, "Iran fired missiles at the US base in Qatar.")
    assert ("Iran", "attacked", "United States") in found and ("Iran", "attacked", "Qatar") not in found
    assert ("Russia", "attacked", "Ukraine") in triples(extractor, "Russia fired missiles at military sites in Ukraine.")


def test_a_relative_clause_ends_before_a_contrasting_clause(extractor):
    text = ("Turkish drones helped the Government of National Accord, which preceded Dbeibah's administration, repel "
            "the assault in 2019, yet in April Ankara hosted Saddam Haftar, Khalifa Haftar's son, who held talks with "
            "Turkish Defence Minister Yasar Guler.")
    found = triples(extractor, text)
    assert ("Saddam Haftar", "metWith", "Yasar Guler") in found
    assert not any(s == "Libyan Government of National Accord" and p == "metWith" for s, p, _ in found), found


def test_a_gap_does_not_cross_into_a_clause_with_its_own_pronoun_subject(extractor):
    text = "Kim Jong Un met Putin in Beijing. Putin thanked the North Korean soldiers for their heroism, and he held talks with Kim."
    found = triples(extractor, text)
    assert not any(p == "metWith" and "North Korea" in (s, o) for s, p, o in found), found


def test_a_mention_that_speaks_next_is_no_object(extractor):
    text = "US forces struck a second boat that President Donald Trump said was carrying drugs from Venezuela."
    assert ("United States", "attacked", "Donald Trump") not in triples(extractor, text)
    both = ("Amir Khan Muttaqi was in New Delhi, where he met Indian Foreign Minister Subrahmanyam Jaishankar and India "
            "announced a new embassy.")
    found = triples(extractor, both)
    assert ("Amir Khan Muttaqi", "metWith", "S. Jaishankar") in found, found
    assert not any(p == "metWith" and o == "India" for _, p, o in found), found


def test_turning_on_a_former_partner_is_hostility(extractor):
    found = triples(extractor, "Fano fought alongside the Ethiopian army against the TPLF, but turned on Abiy Ahmed in 2023.")
    assert has(found, "Fano", "hostileTo", "Abiy Ahmed"), found
    assert not has(triples(extractor, "Fano turned on the radio in 2023."), "Fano", "hostileTo", "Abiy Ahmed")


@pytest.mark.parametrize("text, attacker, defender", [
    ("Kenyan troops beat back an al-Shabaab assault on their base in Lamu county.", "al-Shabaab", "Kenya"),
    ("The Sudanese army said it had repelled a fresh attack by the Rapid Support Forces on El Obeid.",
     "Rapid Support Forces", "Sudanese Armed Forces"),
    ("MONUSCO peacekeepers fought off repeated CODECO raids on the camp.", "CODECO", "MONUSCO"),
])
def test_a_repelled_attack_is_an_attack_on_the_defender(extractor, text, attacker, defender):
    assert (attacker, "attacked", defender) in triples(extractor, text)


def test_a_foiled_attack_or_a_repelled_question_is_no_attack(extractor):
    assert ("al-Shabaab", "attacked", "Somalia") not in triples(
        extractor, "Somali police foiled an al-Shabaab plot against a hotel in Mogadishu.")
    assert not any(p == "attacked" for _, p, _ in triples(
        extractor, "Kenyan officials repelled questions about al-Shabaab's finances."))


def test_a_warning_to_several_states_and_a_vow_to_step_up_operations_threaten_each(extractor):
    found = triples(extractor, "Tehran warned Britain, France and Germany that they would bear responsibility for "
                               "the consequences.")
    assert {("Iran", "threatened", "United Kingdom"), ("Iran", "threatened", "France"),
            ("Iran", "threatened", "Germany")} <= found, found
    found = triples(extractor, "The Nigerian army has vowed to step up operations against ISWAP and Boko Haram.")
    assert {("Nigerian Army", "threatened", "Boko Haram"),
            ("Nigerian Army", "threatened", "Islamic State West Africa Province")} <= found, found
    # a vow to keep up support, or operations with no one named against, threaten nobody
    assert not any(p == "threatened" for _, p, _ in triples(
        extractor, "The Nigerian army has vowed to step up operations in Borno alongside Chad."))


def test_a_contrast_states_of_the_others_what_the_subject_does_not_do(extractor):
    text = "Unlike the United States and the European Union, Turkey does not list Hamas as a terrorist organisation."
    found = triples(extractor, text)
    assert {("United States", "designated", "Hamas"), ("European Union", "designated", "Hamas")} <= found, found
    assert ("Turkey", "designated", "Hamas") not in found
    # "like" makes no contrast, and a contrast with a positive statement says nothing of the others
    found = triples(extractor, "Unlike the United States, Turkey lists Hamas as a political movement.")
    assert ("United States", "designated", "Hamas") not in found


def test_a_capital_that_an_offensive_was_launched_on_is_a_place_not_the_attacker(extractor):
    text = ("The Libyan National Army, which controls eastern Libya, launched an offensive on Tripoli in 2019 against "
            "the Government of National Accord.")
    found = triples(extractor, text)
    assert ("Libyan National Army", "attacked", "Libyan Government of National Accord") in found, found
    assert not any(s == "Libya" and p == "attacked" for s, p, _ in found), found


def test_the_object_that_ends_a_relative_clause_is_not_the_main_subject(extractor):
    found = triples(extractor, "Hezbollah, which has long fought Israel, fired rockets at US bases in Syria.")
    assert ("Hezbollah", "attacked", "United States") in found, found
    assert ("Israel", "attacked", "United States") not in found, found
    # a relative clause that names its head says who acts
    found = triples(extractor, "The group, which calls itself Islamic State Somalia, pledged allegiance to the Islamic State "
                               "in 2015.")
    assert any(p == "partOf" and o == "Islamic State" for _, p, o in found), found


def test_a_place_after_at_is_still_no_attack_target(extractor):
    found = triples(extractor, "Militants from ISWAP killed 20 soldiers at a Nigerian base.")
    assert ("Islamic State West Africa Province", "attacked", "Nigeria") not in found, found


def test_a_warning_with_a_time_before_its_that_clause_is_a_threat_by_the_speaker(extractor):
    found = triples(extractor, "Turkish Foreign Minister Hakan Fidan warned last week that Turkey could launch a new military "
                               "operation if the SDF does not honour the deal.")
    assert ("Hakan Fidan", "threatened", "Syrian Democratic Forces") in found, found
    # the state in the that-clause is not credited, nor is who must act in an "unless" clause
    assert ("Turkey", "threatened", "Syrian Democratic Forces") not in found, found
    found = triples(extractor, "Israel Katz warned that Israel would intensify its strikes unless the Lebanese government acts.")
    assert ("Israel Katz", "threatened", "Lebanon") not in found, found
