"""Tests of the cooperation rules (metWith, alliedWith, backedBy, designated) of ontology/cues/rules/:
short sentences of our own in varied wordings, each with the triple it must give, and near misses
that must not give it. They run with the project gazetteer."""
from __future__ import annotations

import pytest

from graph.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _triples(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, polarity) of every claim; symmetric relations in both directions."""
    found = set()
    for claim in extractor.extract_text(text):
        found.add((claim.subject.name, claim.predicate, claim.object.name, claim.polarity))
        if claim.predicate in {"metWith", "alliedWith", "hostileTo"}:
            found.add((claim.object.name, claim.predicate, claim.subject.name, claim.polarity))
    return found


def _hedged(extractor: Extractor, text: str, subject: str, predicate: str, obj: str) -> bool:
    return any(c.hedged for c in extractor.extract_text(text)
               if (c.subject.name, c.predicate, c.object.name) == (subject, predicate, obj))


POSITIVE = [
    ("Hamas released two hostages after talks with Egyptian mediators.", ("Hamas", "metWith", "Egypt")),
    # mediators pressing or urging the parties deal with each of them
    ("Mediators from Egypt and Qatar are pressing Hamas and Israel to move to the second phase.", ("Qatar", "metWith", "Israel")),
    ("Egyptian and Qatari mediators urged Hamas to accept the plan.", ("Egypt", "metWith", "Hamas")),
    # fighting an enemy alongside a partner
    ("Chadian troops fought Boko Haram alongside Nigerian soldiers in the Lake Chad basin.", ("Chad", "alliedWith", "Nigeria")),
    ("Rwanda has hundreds of soldiers in Mozambique fighting the insurgents alongside the Mozambican army.",
     ("Rwanda", "alliedWith", "Mozambique Defence Armed Forces")),
    # a plural apposition without an article opens a relative clause about the named group
    ("Fano, Amhara militias that fought alongside the Ethiopian army in Tigray, later turned on it.",
     ("Fano", "alliedWith", "Ethiopian National Defense Force")),
    # forces working alongside others; mediators described in a plural apposition, the government a party
    ("The Rwanda Defence Force, working alongside Mozambican troops, retook the port in August.",
     ("Rwanda Defence Force", "alliedWith", "Mozambique")),
    ("Colombia suspended the talks on Monday, Colombian officials said. Cuba and Norway, two of the guarantor countries that have mediated "
     "between the government and the ELN, urged restraint.", ("Norway", "metWith", "ELN")),
    ("Colombia suspended the talks on Monday, Colombian officials said. Cuba and Norway, two of the guarantor countries that have mediated "
     "between the government and the ELN, urged restraint.", ("Colombia", "metWith", "ELN")),
    # an ally named by a demonym in an apposition
    ("Lebanon's Hezbollah, another Iranian ally, has reportedly trained Houthi fighters.", ("Hezbollah", "alliedWith", "Iran")),
    ("The Coordination Framework, a Tehran-aligned bloc, nominated him.", ("Coordination Framework", "alliedWith", "Iran")),
    # backing as weight thrown behind, or as patronage a group enjoys
    ("Ankara has thrown its full weight behind the Syrian National Army.", ("Syrian National Army", "backedBy", "Turkey")),
    ("Islah, a party that has long enjoyed Saudi patronage, lost ground in Aden.", ("Islah", "backedBy", "Saudi Arabia")),
    # a pair whose first member is named after a possessive title, after an opening time phrase, and its mediator
    ("In March and April, Russia's foreign minister, Sergei Lavrov, and Marco Rubio held three rounds of talks in "
     "Riyadh and Istanbul mediated by Saudi Arabia's foreign minister, Faisal bin Farhan.", ("Sergei Lavrov", "metWith", "Marco Rubio")),
    ("In March and April, Russia's foreign minister, Sergei Lavrov, and Marco Rubio held three rounds of talks in "
     "Riyadh and Istanbul mediated by Saudi Arabia's foreign minister, Faisal bin Farhan.", ("Faisal bin Farhan", "metWith", "Marco Rubio")),
    # counterparts one sat down with; a party named with its owner, after days of mediated talks
    ("Abbas Araghchi sat down with his British and French counterparts, David Lammy and Jean-Noel Barrot, in Geneva.",
     ("Abbas Araqchi", "metWith", "David Lammy")),
    ("Pakistan and Afghanistan's Taliban government agreed to a truce after four days of talks in Istanbul mediated by Turkey.",
     ("Turkey", "metWith", "Taliban")),
    # negotiators of two parties who spent time in talks
    ("Israeli and Hamas negotiators had spent two weeks in indirect talks in Doha.", ("Israel", "metWith", "Hamas")),
    # heads of two delegations named with an ellipsis or as counterparts; mediators a party informed
    ("Pakistan's delegation was led by Khawaja Asif, and the Taliban's by Mullah Mohammad Yaqoob.",
     ("Khawaja Asif", "metWith", "Mohammad Yaqoob")),
    ("The delegations were led by Pakistan's Defence Minister Khawaja Asif and his Afghan counterpart, Mullah Mohammad Yaqoob.",
     ("Khawaja Asif", "metWith", "Mohammad Yaqoob")),
    ("Hamas said it had informed Egyptian and Qatari mediators of its position.", ("Hamas", "metWith", "Qatar")),
    # talks with officials named by a demonym, after counts and modifiers
    ("A Hamas delegation concluded three rounds of talks with Egyptian officials in Cairo on Sunday.",
     ("Hamas", "metWith", "Egypt")),
    ("Iranian negotiators held two days of talks with the Omani delegation in Muscat.",
     ("Iran", "metWith", "Oman")),
    # a call or meeting after which the subject acted
    ("Israeli Prime Minister Benjamin Netanyahu agreed to the pause after a phone call with Donald Trump on Friday.",
     ("Benjamin Netanyahu", "metWith", "Donald Trump")),
    ("Vladimir Putin signed the decree following talks with Xi Jinping in Moscow.",
     ("Vladimir Putin", "metWith", "Xi Jinping")),
    # talking to both parties; a title with "of" before the person
    ("Doha has been talking to both Kinshasa and Kigali to end the fighting.", ("Qatar", "metWith", "Rwanda")),
    ("Doha has been talking to both Kinshasa and Kigali to end the fighting.",
     ("Qatar", "metWith", "Democratic Republic of the Congo")),
    ("Sergei Lavrov held talks with US Secretary of State Marco Rubio in Riyadh.",
     ("Sergei Lavrov", "metWith", "Marco Rubio")),
    ("Israeli officials reportedly met a Syrian delegation in Baku.", ("Israel", "metWith", "Syria")),
    # "the two presidents" are the pair the sentence before names; "Abiy" alone is Ethiopia's prime minister
    ("Felix Tshisekedi accused Paul Kagame of backing the M23. The two presidents last met in Doha in March.",
     ("Félix Tshisekedi", "metWith", "Paul Kagame")),
    ("Turkish President Recep Tayyip Erdogan hosted Abiy in Ankara for talks.", ("Recep Tayyip Erdogan", "metWith", "Abiy Ahmed")),
    # "the Tripoli government" is Libya's Government of National Unity
    ("The Tripoli government held talks with Khalifa Haftar in Cairo.", ("Libyan Government of National Unity", "metWith", "Khalifa Haftar")),
    # every state of a list that imposed sanctions designated the target
    ("Last year London, Paris and Berlin imposed sanctions on Iran and its national airline.", ("United Kingdom", "designated", "Iran")),
    # a second passive after the agent of the first backs the clause's subject, not that agent
    ("The Government of National Stability, which is led by Osama Hammad and backed by Khalifa Haftar, rejected the deal.",
     ("Government of National Stability", "backedBy", "Khalifa Haftar")),
    # a rescue that brings troops; shipping weapons, when an accuser says so; branded terrorists; talks in a city between
    ("Turkey came to the Tripoli government's rescue with drones and Syrian fighters.",
     ("Libyan Government of National Unity", "backedBy", "Turkey")),
    ("UN investigators accused the Emirates of shipping weapons to the LNA.", ("Libyan National Army", "backedBy", "United Arab Emirates")),
    ("The Ethiopian government branded the TPLF a terrorist organisation in 2021.", ("Ethiopia", "designated", "Tigray People's Liberation Front")),
    ("Deng Xijun has brokered talks in the Chinese city of Kunming between the Myanmar army and the MNDAA.",
     ("Deng Xijun", "metWith", "Myanmar National Democratic Alliance Army")),
    # a deal negotiated with someone, officials engaged with, a partnership signed with a person
    ("Amos Hochstein hammered out the truce text over ten days with Lebanese Parliament Speaker Nabih Berri.",
     ("Amos Hochstein", "metWith", "Nabih Berri")),
    ("Marco Rubio said he spent the weekend engaging with leaders on both sides, including Pakistani Prime Minister Shehbaz Sharif.",
     ("Marco Rubio", "metWith", "Shehbaz Sharif")),
    ("Ursula von der Leyen signed a strategic partnership with Maia Sandu in Chisinau.", ("Ursula von der Leyen", "metWith", "Maia Sandu")),
    # officials "in" a capital stand for its state
    ("US envoy Tom Barrack said he had spent several days on the phone with officials in Damascus and Jerusalem.",
     ("Tom Barrack", "metWith", "Syria")),
    # mediators who carry messages between two parties meet each
    ("Oman, which has long carried messages between Washington and Tehran, hosted the round.",
     ("Oman", "metWith", "Iran")),
    ("Oman, which has long carried messages between Washington and Tehran, hosted the round.",
     ("Iran", "metWith", "United States")),
    ("Delegations from Colombia and the ELN met again in Havana, with Cuban diplomats shuttling between the two sides.",
     ("Cuba", "metWith", "Colombia")),
    ("The deal followed talks between the government and the M23 that Qatar mediated in Doha.",
     ("Qatar", "metWith", "M23")),
    # the head of a delegation meets whom the delegation met
    ("The delegation, led by Hamas official Khalil al-Hayya and joined by aides, met Egyptian intelligence chief Hassan Rashad.",
     ("Khalil al-Hayya", "metWith", "Hassan Rashad")),
    ("Steve Witkoff flew to Moscow last week to meet Vladimir Putin.", ("Steve Witkoff", "metWith", "Vladimir Putin")),
    ("Saudi Arabia, which fought the Houthis for years and is now negotiating with the group, urged calm.",
     ("Saudi Arabia", "metWith", "Houthis")),
    # backing by dependence, supply and training
    ("The Malian junta has relied since 2021 on Russian mercenaries from the Wagner Group.",
     ("Mali", "backedBy", "Wagner Group")),
    ("Iran, which is thought to supply the Houthis with drones, praised the attack.", ("Houthis", "backedBy", "Iran")),
    ("Turkish officers still train Somali commandos.", ("Somalia", "backedBy", "Turkey")),
    ("Russian instructors trained Malian army units at the base.", ("Malian Armed Forces", "backedBy", "Russia")),
    ("Hezbollah, the Iranian-backed Shiite movement, rejected the plan.", ("Hezbollah", "backedBy", "Iran")),
    ("Backed by Tehran, the Houthis have fired missiles at ships in the Red Sea.", ("Houthis", "backedBy", "Iran")),
    ("Kigali has sent troops to prop up the government of Mozambique.", ("Mozambique", "backedBy", "Rwanda")),
    ("The European Union has helped fund the African Union mission since 2022.",
     ("African Union", "backedBy", "European Union")),
    ("Instructors of the Africa Corps have been deployed in Mali since 2024 to train local forces.",
     ("Mali", "backedBy", "Africa Corps")),
    ("Israel retains the full backing of the United States, Netanyahu said.", ("Israel", "backedBy", "United States")),
    # allies
    ("Kataib Hezbollah is a member of the Islamic Resistance in Iraq together with Harakat al-Nujaba.",
     ("Kataeb Hezbollah", "alliedWith", "Harakat al-Nujaba")),
    # designation lists
    ("The State Department also blacklisted three other groups, among them Venezuela's Tren de Aragua and the gang MS-13.",
     ("US State Department", "designated", "MS-13")),
    ("The State Department also blacklisted three other groups, among them Venezuela's Tren de Aragua and the gang MS-13.",
     ("US State Department", "designated", "Tren de Aragua")),
    # meetings: a title apposition before the person met, a lower-case title, talks under a mediator's auspices,
    # two persons signing together
    ("Bola Tinubu met the Chief of Defence Staff, General Christopher Musa, in Abuja.", ("Bola Tinubu", "metWith", "Christopher Musa")),
    ("Deng Xijun has held repeated meetings with junta chief Min Aung Hlaing.", ("Deng Xijun", "metWith", "Min Aung Hlaing")),
    ("Negotiators for Chisinau and Transnistria held talks under the auspices of the OSCE.", ("OSCE", "metWith", "Transnistria")),
    ("Abbas Araghchi signed a framework with IAEA Director General Rafael Grossi in Cairo.", ("Abbas Araqchi", "metWith", "Rafael Grossi")),
    # alliances: defence pacts, copular and plural possessive allies, "together with its allies", joined forces
    ("Egypt signed a defence pact with Somalia last year.", ("Egypt", "alliedWith", "Somalia")),
    ("Egypt has pledged troops under a defence pact signed with Mogadishu.", ("Egypt", "alliedWith", "Somalia")),
    ("Alexander Lukashenko is Vladimir Putin's closest ally.", ("Alexander Lukashenko", "alliedWith", "Vladimir Putin")),
    ("The resolution was drafted by Russia and China, Iran's closest allies on the council.", ("Russia", "alliedWith", "Iran")),
    ("Together with its allies the Arakan Army and the TNLA, the MNDAA holds the border.",
     ("Myanmar National Democratic Alliance Army", "alliedWith", "Arakan Army")),
    ("In 2023 the rival G9 and G-Pep gang federations agreed to join forces.", ("G9 Family and Allies", "alliedWith", "G-Pèp")),
    # arms of a state on their way to a group; forces acting in support of an ally
    ("Coast guards intercepted a dhow carrying Iranian missiles bound for Hezbollah.", ("Hezbollah", "backedBy", "Iran")),
    ("Rwandan troops have fought in North Kivu in support of the M23, UN experts say.", ("M23", "backedBy", "Rwanda")),
    # backing by hyphen before governments, through an arsenal's origin, and a list joined by "as well as"
    ("Goita is in Russia, as the Russian-backed military governments of Mali, Burkina Faso and Niger struggle.",
     ("Niger", "backedBy", "Russia")),
    ("Western governments say much of the Houthis' arsenal comes from Iran.", ("Houthis", "backedBy", "Iran")),
    ("Pakistani officials say India backs the TTP, as well as the Balochistan Liberation Army (BLA).",
     ("Balochistan Liberation Army", "backedBy", "India")),
    # funding, arms received, a named ally of "its" owner, units fielded in an umbrella, a relative clause after a denial
    ("Pakistani officials have accused India of funding the TTP, which New Delhi denies.",
     ("Tehrik-i-Taliban Pakistan", "backedBy", "India")),
    ("The Sudanese army, for its part, has reportedly received drones from Turkey and Iran.",
     ("Sudanese Armed Forces", "backedBy", "Turkey")),
    ("Hezbollah began firing rockets at northern Israel in solidarity with its ally Hamas.", ("Hezbollah", "alliedWith", "Hamas")),
    ("Asaib Ahl al-Haq, which also fields brigades in the Popular Mobilization Forces, has not claimed attacks.",
     ("Asaib Ahl al-Haq", "partOf", "Popular Mobilization Forces")),
    ("Iran has long denied arming the Houthis, who are part of Tehran's self-styled \"Axis of Resistance\".",
     ("Houthis", "partOf", "Axis of Resistance")),
    # go-betweens and hosts meet each side; talks with a group's representatives are with the group
    ("Saudi Arabia has held talks with the Houthis through Omani mediators.", ("Oman", "metWith", "Houthis")),
    ("Saudi Arabia has held talks with the Houthis through Omani mediators.", ("Oman", "metWith", "Saudi Arabia")),
    ("The MNDAA and the junta agreed to a ceasefire in talks hosted by Chinese officials in Kunming.",
     ("China", "metWith", "Myanmar National Democratic Alliance Army")),
    ("Massad Boulos, President Donald Trump's senior adviser for Africa, has held talks with representatives of the "
     "Rapid Support Forces.", ("Massad Boulos", "metWith", "Rapid Support Forces")),
    # brokers of a deal or of talks meet each party; a reply handed to mediators; adverbs and title appositions
    ("The presidents of Uganda and Rwanda signed a US-brokered peace deal in Washington on Thursday.",
     ("United States", "metWith", "Rwanda")),
    ("In October, after Chinese-mediated talks with military representatives in Kunming, the TNLA agreed to withdraw.",
     ("China", "metWith", "Ta'ang National Liberation Army")),
    ("Israel recalled its team after the response Hamas handed to Qatari and Egyptian mediators.", ("Hamas", "metWith", "Qatar")),
    ("Russia's defence minister, Andrei Belousov, met separately with his Malian counterpart, Sadio Camara.",
     ("Andrei Belousov", "metWith", "Sadio Camara")),
    ("The Taliban's foreign minister, Amir Khan Muttaqi, was on a visit to New Delhi, where he held talks with "
     "Subrahmanyam Jaishankar.", ("Amir Khan Muttaqi", "metWith", "S. Jaishankar")),
    # a title with "of" before the subject does not embed it
    ("Secretary of State Marco Rubio, speaking in Mexico City after meeting Mexican President Claudia Sheinbaum, "
     "said the strike was lawful.", ("Marco Rubio", "metWith", "Claudia Sheinbaum")),
    # a counterpart named after a possessor's title; a journey before the meeting; those who attended the talks
    ("The envoy Hans Grundberg, who met the Houthis' chief negotiator, Mohammed Abdulsalam, in Muscat, urged calm.",
     ("Hans Grundberg", "metWith", "Mohammed Abdulsalam")),
    ("A truce was agreed after Mazloum Abdi travelled to Damascus and met Ahmed al-Sharaa, in talks attended by Tom Barrack.",
     ("Mazloum Abdi", "metWith", "Ahmed al-Sharaa")),
    ("A truce was agreed after Mazloum Abdi travelled to Damascus and met Ahmed al-Sharaa, in talks attended by Tom Barrack.",
     ("Tom Barrack", "metWith", "Ahmed al-Sharaa")),
    # reliance on a backer; a list that turned to one; supplies sold; a sponsor of a body's forces; troops from a list
    ("Transnistria has relied on Moscow for decades.", ("Transnistria", "backedBy", "Russia")),
    ("Burkina Faso and Niger have turned to Moscow for weapons and training.", ("Burkina Faso", "backedBy", "Russia")),
    ("Myanmar's military has been kept supplied by Russia and China.", ("Myanmar Armed Forces", "backedBy", "China")),
    ("The UAE, a long-standing sponsor of Puntland's security forces, flew strikes.", ("Puntland", "backedBy", "United Arab Emirates")),
    ("AUSSOM fields roughly 11,000 troops from countries including Uganda and Djibouti.", ("AUSSOM", "backedBy", "Djibouti")),
    # forces fighting a common enemy together; partners named after the alliance they share
    ("Ugandan and Congolese troops have been fighting the ADF together since 2021.",
     ("Uganda", "alliedWith", "Democratic Republic of the Congo")),
    ("Mali and its partners in the Alliance of Sahel States, Burkina Faso and Niger, recalled their ambassadors.",
     ("Mali", "alliedWith", "Niger")),
    # guests introduced by a plural title
    ("Qatar then hosted the two countries' defence ministers, Pakistan's Khawaja Asif and Afghanistan's Mohammad Yaqoob, "
     "for talks in Doha.", ("Qatar", "metWith", "Khawaja Asif")),
    # a state that contributes troops to a mission, or has soldiers serving in it, backs it
    ("Kenya, which also contributes troops to AUSSOM, welcomed the vote.", ("AUSSOM", "backedBy", "Kenya")),
    ("Burundi has about 3,000 soldiers serving in AUSSOM.", ("AUSSOM", "backedBy", "Burundi")),
    # sums pledged, or given to someone, in aid
    ("The European Union has pledged 2 billion euros in loans to Ukraine.", ("Ukraine", "backedBy", "European Union")),
    ("Washington gave Ukraine $400 million in military aid last year.", ("Ukraine", "backedBy", "United States")),
    # a state's money funnelled to a party; a group's fighters supplying another
    ("Prosecutors say the mayor funnelled Russian money to the Shor Party.", ("Shor Party", "backedBy", "Russia")),
    ("Officials say Hezbollah fighters supply the Houthis with drones.", ("Houthis", "backedBy", "Hezbollah")),
    # a proxy, also of a group named with its base
    ("New Delhi describes TRF as a proxy of the Pakistan-based Lashkar-e-Taiba.", ("The Resistance Front", "backedBy", "Lashkar-e-Taiba")),
    # "one of X's allies"; former allies
    ("Belarus, one of Russia's closest allies, hosted the drills.", ("Belarus", "alliedWith", "Russia")),
    ("Hayat Tahrir al-Sham and al-Qaeda, once allies, now fight each other.", ("Hayat Tahrir al-Sham", "alliedWith", "al-Qaeda")),
    # designations of a list inside an insertion, entry bans, a listed group with its short name
    ("Abuja branded several groups, including IPOB and Ansaru, as terrorist organisations.", ("Nigeria", "designated", "Ansaru")),
    ("Lithuania imposed entry bans on Milorad Dodik in 2024.", ("Lithuania", "designated", "Milorad Dodik")),
    ("The State Department added Tehreek-e-Taliban Pakistan, known as the TTP, to its terrorism list.",
     ("US State Department", "designated", "Tehrik-i-Taliban Pakistan")),
    # a meeting of three, one of them named as the other's counterpart
    ("The deal followed a meeting between Turkish Foreign Minister Hakan Fidan, his Russian counterpart Sergei Lavrov "
     "and Iranian Foreign Minister Abbas Araghchi.", ("Sergei Lavrov", "metWith", "Abbas Araqchi")),
]


@pytest.mark.parametrize("text, triple", POSITIVE)
def test_cooperation_rule_fires(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    assert (*triple, "positive") in _triples(extractor, text)


NEGATIVE = [
    # talks after which a body acted against the object of its verb are not the object's talks
    ("Iraq's security council banned the PKK after security talks with Ankara.", ("PKK", "metWith", "Turkey")),
    # a mediator's plan for later, or a denial
    ("Mediators from Egypt will urge Hamas to accept the plan.", ("Egypt", "metWith", "Hamas")),
    ("Mediators from Egypt did not press Hamas on the plan.", ("Egypt", "metWith", "Hamas")),
    # fighting near a partner's border is not fighting alongside it
    ("Chadian troops fought Boko Haram near the Nigerian border.", ("Chad", "alliedWith", "Nigeria")),
    # talking together is no fighting together
    ("Ugandan and Congolese officials have been talking together since 2021.",
     ("Uganda", "alliedWith", "Democratic Republic of the Congo")),
    # reliance on a state's goods or on a person's word is no backing
    ("Moldova has relied on Russia's gas pipelines since 1992.", ("Moldova", "backedBy", "Russia")),
    ("The army relies on its own drones.", ("Sudanese Armed Forces", "backedBy", "Sudan")),
    # "armed drones" are weapons, nobody armed the group they were used against
    ("Turkey has also used armed drones against al-Shabaab positions.", ("al-Shabaab", "backedBy", "Turkey")),
    # the accusers are no backers, and reporters of a deployment fight alongside nobody
    ("Kinshasa and UN experts say that Kigali backs the M23.", ("M23", "backedBy", "United Nations")),
    ("UN experts say several thousand Rwandan soldiers are fighting alongside the M23.", ("United Nations", "alliedWith", "M23")),
    # officials working alongside each other are colleagues, not allies
    ("US envoy Steve Witkoff travelled to Israel, working alongside Brett McGurk, the outgoing envoy.",
     ("Steve Witkoff", "alliedWith", "Brett McGurk")),
    # the demonym of "another Iranian ally" trains nobody: the group it describes does
    ("Lebanon's Hezbollah, another Iranian ally, has reportedly trained Houthi fighters.", ("Houthis", "backedBy", "Iran")),
    # the object of "to" who relayed nothing; a capital inside "which accuses Kigali of backing" is not a backer
    ("Qatar's emir had spoken to Donald Trump by telephone and relayed the proposal to Iran.",
     ("Donald Trump", "metWith", "Iran")),
    # a patron the group's enemy relies on backs the enemy, not the group
    ("The junta, which relies on Russian weapons, has fought the Arakan Army for years.", ("Arakan Army", "backedBy", "Russia")),
    # the agent of the first passive is backed by nobody
    ("The Government of National Stability, which is led by Osama Hammad and backed by Khalifa Haftar, rejected the deal.",
     ("Osama Hammad", "backedBy", "Khalifa Haftar")),
    # troops that engage with fighters fight them
    ("Pakistani troops engaged with TTP fighters near the Afghan border.", ("Pakistan", "metWith", "Tehrik-i-Taliban Pakistan")),
    # "officials in" a place whose state is the speaker's own: talks held there are no meeting with it
    ("Rubio spoke with officials in the State Department in Washington about Syria.",
     ("Marco Rubio", "metWith", "Syria")),
    ("The decision was criticised by Kinshasa, which accuses Kigali of backing the M23.",
     ("M23", "backedBy", "Democratic Republic of the Congo")),
    # the two rebel groups sat on one side of the table: they did not meet each other
    ("The deal followed talks between the government and the M23 and the ADF that Qatar mediated in Doha.",
     ("M23", "metWith", "Allied Democratic Forces")),
    # a demonym used as an adjective is no party to consultations
    ("Islamic Jihad said it took part in the consultations with Hamas that shaped the armed Palestinian groups' reply.",
     ("Palestine", "metWith", "Hamas")),
    # a place in an apposition does not fight alongside anyone
    ("Fano, a network of militias in northern Ethiopia, fought alongside the Ethiopian army in the war.",
     ("Ethiopia", "alliedWith", "Ethiopian National Defense Force")),
    # "accompanied by an Omani team" is not the subject of "met"
    ("The delegation, accompanied by an Omani team, met Saudi Defence Minister Khalid bin Salman.",
     ("Oman", "metWith", "Khalid bin Salman")),
    # a deal two states or groups signed is no meeting by itself (ANNOTATION.md)
    ("The SDF signed a deal with Damascus in March to merge into state institutions.", ("Syrian Democratic Forces", "metWith", "Syria")),
    # a security deal is no alliance unless it is a defence pact
    ("Iraq signed a security agreement with the United States on troop withdrawal.", ("Iraq", "alliedWith", "United States")),
    # "under UN sanctions and US sanctions": nobody sanctions the United States
    ("Cherizier has been under UN sanctions since 2022 and US sanctions since 2020.", ("United Nations", "designated", "United States")),
    # "its" after "X and" is X's: the airline is no actor, and the sanctioning states are not sanctioned
    ("Last year London, Paris and Berlin imposed sanctions on Iran and its national airline.", ("France", "designated", "United Kingdom")),
    # talks with "Yemen's Houthis" are talks with the Houthis, not with Yemen
    ("Al-Shabaab held talks with Yemen's Houthis over weapons.", ("al-Shabaab", "metWith", "Yemen")),
    # a group listed before the one that fights alongside an army is not its ally
    ("Fighting continued between the M23 and the Wazalendo, Congolese militias that fight alongside the FARDC.",
     ("M23", "alliedWith", "Armed Forces of the Democratic Republic of the Congo")),
    # a rally in support of a group is no state's backing
    ("Thousands marched in Tehran in support of Hezbollah.", ("Hezbollah", "backedBy", "Iran")),
    # someone who says another is backed does not back
    ("Delhi says Islamabad backs the Lashkar-e-Taiba.", ("Lashkar-e-Taiba", "backedBy", "India")),
    # troops withdrawn, a deadline given, former rivals, bans lifted
    ("Kenya withdrew troops from AUSSOM.", ("AUSSOM", "backedBy", "Kenya")),
    ("Washington gave Ukraine a deadline to sign the deal.", ("Ukraine", "backedBy", "United States")),
    ("Hamas and Fatah, once rivals, signed a deal in Beijing.", ("Hamas", "alliedWith", "Fatah")),
    ("Lithuania lifted entry bans on Milorad Dodik in 2025.", ("Lithuania", "designated", "Milorad Dodik")),
    # the proxy of a group is backed by it, not a part of it
    ("New Delhi describes TRF as a proxy of the Pakistan-based Lashkar-e-Taiba.", ("The Resistance Front", "partOf", "Lashkar-e-Taiba")),
]


@pytest.mark.parametrize("text, triple", NEGATIVE)
def test_cooperation_rule_near_miss(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    assert (*triple, "positive") not in _triples(extractor, text)


def test_accusation_of_backing_is_hedged(extractor: Extractor) -> None:
    text = "Kinshasa accuses Kigali of arming the M23 and of sending soldiers to fight alongside the rebels."
    assert ("M23", "backedBy", "Rwanda", "positive") in _triples(extractor, text)
    assert _hedged(extractor, text, "M23", "backedBy", "Rwanda")


def test_object_relative_accusation(extractor: Extractor) -> None:
    text = "Troops guard against the FDLR, a Hutu militia, which Kigali accuses Kinshasa of arming."
    assert _hedged(extractor, text, "FDLR", "backedBy", "Democratic Republic of the Congo")


def test_denied_backing_is_negative(extractor: Extractor) -> None:
    triples = _triples(extractor, "Kigali denies backing the M23.")
    assert ("M23", "backedBy", "Rwanda", "negative") in triples
    assert ("M23", "backedBy", "Rwanda", "positive") not in triples


def test_a_capital_visited_does_not_hold_the_talks(extractor: Extractor) -> None:
    found = _triples(extractor, "Ghanaian President John Mahama visited Ouagadougou in March for talks with Ibrahim Traore.")
    assert ("John Mahama", "metWith", "Ibrahim Traoré", "positive") in found
    assert not any(s == "Burkina Faso" and p == "metWith" for s, p, _, _ in found)


def test_talks_with_a_leaders_government_are_not_with_the_leader(extractor: Extractor) -> None:
    text = ("Colombian President Gustavo Petro spoke on Monday. The Estado Mayor Central, a FARC dissident faction, "
            "has been in separate negotiations with Petro's government since 2024.")
    found = _triples(extractor, text)
    assert not any(p == "metWith" and "Gustavo Petro" in (s, o) for s, p, o, _ in found), found
    assert not any(p == "metWith" and "FARC" in (s, o) for s, p, o, _ in found), found


def test_funding_received_is_not_given(extractor: Extractor) -> None:
    text = "Some officials say ISWAP receives funding and technical guidance from Islamic State cells."
    found = _triples(extractor, text)
    assert ("Islamic State", "backedBy", "Islamic State West Africa Province", "positive") not in found, found
    assert ("Islamic State West Africa Province", "backedBy", "Islamic State", "positive") in found


def test_a_mention_after_alongside_is_no_subject(extractor: Extractor) -> None:
    text = ("Rubio made the announcement alongside Ecuadorean Foreign Minister Gabriela Sommerfeld after meeting "
            "President Daniel Noboa.")
    found = _triples(extractor, text)
    assert ("Gabriela Sommerfeld", "metWith", "Daniel Noboa", "positive") not in found
    assert ("Daniel Noboa", "metWith", "Gabriela Sommerfeld", "positive") not in found


def test_the_accused_supplier_not_the_accuser_backs(extractor: Extractor) -> None:
    text = "London, Paris and Berlin imposed sanctions after accusing Tehran of supplying ballistic missiles to Russia."
    found = _triples(extractor, text)
    assert ("Russia", "backedBy", "United Kingdom", "positive") not in found
    assert ("Russia", "backedBy", "Iran", "positive") in found


def test_a_demonym_before_militias_that_fight_alongside_is_no_ally(extractor: Extractor) -> None:
    text = ("Fighting in DR Congo\n\nFighting continued between the M23 and the Wazalendo, Congolese pro-government "
            "militias that fight alongside the FARDC.")
    found = _triples(extractor, text)
    assert not any(p == "alliedWith" and "Democratic Republic of the Congo" in (s, o) for s, p, o, _ in found), found
    assert not any(p == "alliedWith" and "M23" in (s, o) for s, p, o, _ in found), found


def test_pushing_back_a_group_is_no_backing(extractor: Extractor) -> None:
    text = "The regional force of troops from Nigeria, Chad and Benin has struggled to push back ISWAP since March."
    assert not any(p == "backedBy" for _, p, _, _ in _triples(extractor, text))
    # the verb itself still backs
    found = _triples(extractor, "Iran has backed the Houthis since 2015, and Tehran backs Hezbollah too.")
    assert ("Houthis", "backedBy", "Iran", "positive") in found, found


def test_who_a_title_is_for_or_whose_son_someone_is_does_not_act(extractor: Extractor) -> None:
    found = _triples(extractor, "Deng Xijun, Beijing's special envoy for Myanmar affairs, met Min Aung Hlaing in Naypyitaw.")
    assert ("Deng Xijun", "metWith", "Min Aung Hlaing", "positive") in found, found
    assert ("Myanmar", "metWith", "Min Aung Hlaing", "positive") not in found, found
    found = _triples(extractor, "Saddam Haftar, the son of eastern Libyan commander Khalifa Haftar, held talks in Ankara "
                                "with Turkish Defence Minister Yasar Guler.")
    assert ("Saddam Haftar", "metWith", "Yasar Guler", "positive") in found, found
    assert ("Khalifa Haftar", "metWith", "Yasar Guler", "positive") not in found, found


def test_who_is_harboured_to_plot_against_someone_is_not_backing_them(extractor: Extractor) -> None:
    text = "Burkina Faso has accused Ivory Coast of harbouring opponents plotting against Ibrahim Traore."
    assert not any(p == "backedBy" for _, p, _, _ in _triples(extractor, text))
    found = _triples(extractor, "Iran has armed the Houthis against Saudi Arabia.")
    assert ("Houthis", "backedBy", "Iran", "positive") in found, found
    assert ("Saudi Arabia", "backedBy", "Iran", "positive") not in found, found



def test_a_host_of_negotiations_and_mediators_with_contacts_meet_each_party(extractor: Extractor) -> None:
    found = _triples(extractor, "Turkey, which has hosted the negotiations between Russia and Ukraine, offered more rounds.")
    assert ("Turkey", "metWith", "Ukraine", "positive") in found, found
    found = _triples(extractor, "Egyptian negotiators, who had held separate contacts with Hamas and Israel, drafted the text.")
    assert ("Egypt", "metWith", "Hamas", "positive") in found, found
    # criticising talks is no part in them; a truce brokered by a third party says nothing of whom the broker met
    found = _triples(extractor, "Turkey, which has criticised the negotiations between Russia and Ukraine, offered nothing.")
    assert ("Turkey", "metWith", "Ukraine", "positive") not in found, found
    found = _triples(extractor, "A truce between Israel and Hezbollah brokered by the United States took effect.")
    assert ("United States", "metWith", "Hezbollah", "positive") not in found, found
