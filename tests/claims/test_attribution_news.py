"""Attributions as real news copy writes them, each construction in a sentence of our own."""

from __future__ import annotations

from test_attribution import PUBLISHED, claims, only  # noqa: F401  (the shared helpers)


def test_unquoted_words_with_the_cue_after_them_go_to_the_surname() -> None:
    text = (
        "County Sheriff Lena Marsh said Friday the search would go on.\n\n"
        "Marsh said crews had checked 300 homes. Most of the list would be cleared by Sunday, she said.\n\n"
        "She said the count grew as calls came in."
    )
    got = [(c.speaker, c.span) for c in claims(text)]
    assert got == [
        ("Lena Marsh", "County Sheriff Lena Marsh said Friday"),
        ("Lena Marsh", "Marsh said"),
        ("Lena Marsh", "she said"),
        ("Lena Marsh", "She said"),
    ]


def test_a_bare_surname_is_a_person_that_he_can_mean() -> None:
    text = "Dorsey said the river was falling. The levee held overnight, he said."
    assert [c.speaker for c in claims(text)] == ["Dorsey", "Dorsey"]


def test_relative_clause_credits_the_noun_before_it() -> None:
    text = "The figure came from village elders who said 40 houses were lost."
    assert [(c.speaker, c.verb) for c in claims(text)] == [("village elders", "said")]


def test_with_x_saying_credits_x() -> None:
    text = "The talks ended early, with Prime Minister Oskar Lund saying no deal was possible."
    found = claims(text)
    assert [(c.speaker, c.verb) for c in found] == [("Oskar Lund", "saying")]


def test_citing_x_as_saying_credits_x() -> None:
    text = "The broadcaster put the toll at 70, citing the Coast Guard as saying more were missing."
    assert [c.speaker for c in claims(text)] == ["Coast Guard"]


def test_a_cue_inside_the_reported_clause_is_not_a_new_claim() -> None:
    text = "Mayor Ida Fenn said the governor had promised 200 new tents."
    assert [c.speaker for c in claims(text)] == ["Ida Fenn"]


def test_named_speakers_in_a_headline_are_claims_and_common_nouns_are_not() -> None:
    named = "UN says flood left 9,000 homeless\n\nThe floods hit the valley on Monday."
    assert [c.speaker for c in claims(named)] == ["United Nations"]
    common = "Ministry warns of shortages\n\nThe floods hit the valley on Monday."
    assert claims(common) == []


def test_definite_role_after_a_named_speaker_is_that_speaker() -> None:
    text = (
        "Ruth Amadi, who lost the vote, said the count was flawed. "
        "The former governor said she would go to court."
    )
    assert [c.speaker for c in claims(text)] == ["Ruth Amadi", "Ruth Amadi"]


def test_role_goes_to_the_person_named_with_it() -> None:
    text = (
        "Harbour police chief Tomas Reyes met reporters on Monday. The boats left at dawn. "
        "The chief said 12 crew members were rescued."
    )
    assert [c.speaker for c in claims(text)] == ["Tomas Reyes"]


def test_a_role_with_another_modifier_is_someone_else() -> None:
    text = (
        "Government spokesman Arvo Penn said the roads were open. "
        "A police spokesman said 30 people had been detained."
    )
    assert [c.speaker for c in claims(text)] == ["Arvo Penn", "police spokesman"]


def test_acronyms_that_are_english_words_still_speak() -> None:
    text = ("Clinics closed: the World Health Organization (WHO) put the number shut at 12. "
            "WHO added on Twitter that staff were safe.")
    assert [c.speaker for c in claims(text)] == ["World Health Organization", "World Health Organization"]


def test_un_agencies_named_by_what_they_do() -> None:
    text = "The UN refugee agency said 4,000 people had crossed. The UN health agency said clinics were full."
    assert [c.speaker for c in claims(text)] == ["UNHCR", "World Health Organization"]


def test_full_names_with_particles_and_family_name_first() -> None:
    text = (
        "Envoy Joana da Costa Mendes arrived on Monday. Mendes said aid would follow.\n\n"
        "Minister Park Ji Hoon also spoke. Park said the border stayed open."
    )
    assert [c.speaker for c in claims(text)] == ["Joana da Costa Mendes", "Park Ji Hoon"]


def test_a_title_case_headline_gives_no_names() -> None:
    text = ("Kell Rejects Vote Count, Heads To Court\n\n"
            "Marta Kell said the count was wrong. Kell said she would appeal.")
    assert [c.speaker for c in claims(text)] == ["Marta Kell", "Marta Kell"]


def test_a_quote_then_a_bare_attribution_sentence() -> None:
    text = "\u201cThe count will rise as crews reach the hills.\u201d The Relief Office said."
    assert [(c.speaker, c.quote) for c in claims(text)] == [
        ("Relief Office", "The count will rise as crews reach the hills")
    ]


def test_a_quote_then_words_then_the_cue() -> None:
    text = "\u201cMost of those names will be found\u201d within days, the sheriff, Omar Tull, said."
    expected = [("Omar Tull", "Most of those names will be found")]
    assert [(c.speaker, c.quote) for c in claims(text)] == expected


def test_a_quote_the_verb_runs_into_belongs_to_that_speaker() -> None:
    text = "Ana Pell decried what she called \u201ca count nobody can trust,\u201d she added."
    found = claims(text)
    assert found[0].speaker == "Ana Pell" and found[0].quote == "a count nobody can trust"


def test_according_to_a_person_keeps_the_quote() -> None:
    text = "Ivo Brandt said the count was slow. According to him, the vote was \u2018rigged\u2019."
    assert [(c.speaker, c.quote) for c in claims(text)] == [("Ivo Brandt", None), ("Ivo Brandt", "rigged")]


def test_a_modifier_before_the_role_after_the_verb() -> None:
    text = ("\u201cWe will appeal,\u201d said defence lawyer Nina Ostrova after the hearing. "
            "She said the ruling was wrong.")
    assert [(c.speaker, c.speaker_role) for c in claims(text)] == [
        ("Nina Ostrova", "defence lawyer"), ("Nina Ostrova", "defence lawyer")
    ]


def test_the_firm_is_the_company_named_before() -> None:
    text = (
        "Kestrel Mining said on Monday that output fell 12 percent. The firm said prices were weak. "
        "The Perth-based company said it would cut 40 jobs."
    )
    assert [c.speaker for c in claims(text)] == ["Kestrel Mining"] * 3


def test_commented_and_testified_are_cues() -> None:
    text = ("Juror Ema Falk commented that the evidence was thin. "
            "Detective Ole Brun testified that he saw no weapon.")
    assert [c.speaker for c in claims(text)] == ["Ema Falk", "Ole Brun"]


def test_a_name_with_two_appositions_before_the_verb() -> None:
    text = ("Ilka Varrow, mayor of the river town of Esk, standing by the levee, told reporters that "
            "40 homes were lost. The official said more rain was due.")
    assert [c.speaker for c in claims(text)] == ["Ilka Varrow", "Ilka Varrow"]


def test_according_to_a_kind_of_number_credits_nobody() -> None:
    assert claims("At least 90 homes were destroyed, according to preliminary assessments.") == []


def test_name_then_role_apposition_without_closing_comma() -> None:
    text = "Talks stalled, Rosa Imre, the UN's deputy envoy to Kessaria said on Monday."
    expected = [("Rosa Imre", "UN's deputy envoy to Kessaria")]
    assert [(c.speaker, c.speaker_role) for c in claims(text)] == expected


def test_outlet_reports_at_the_end_and_rejected_results() -> None:
    text = ("The toll rose to 80, Harbour Radio reports.\n\n"
            "Opposition leader Ivan Lusk has rejected the results of Sunday's ballot.")
    expected = [("Harbour Radio", "reports"), ("Ivan Lusk", "rejected")]
    assert [(c.speaker, c.verb) for c in claims(text)] == expected


def test_a_ticker_in_brackets_belongs_to_the_company() -> None:
    assert [c.speaker for c in claims("Brava Foods SA (BRF.PA) said sales fell.")] == ["Brava Foods"]


def test_known_as_names_the_body_and_a_city_speaks() -> None:
    text = ("The relief office, known as ORA, estimated that 9,000 people need shelter. "
            "The city of Lindau announced a fund for the victims.")
    assert [c.speaker for c in claims(text)] == ["ORA", "city of Lindau"]


def test_according_to_a_report_names_its_owner_or_nobody() -> None:
    owned = claims("At least 300 homes were lost, according to a Relief Office report released Saturday.")
    assert [c.speaker for c in owned] == ["Relief Office"]
    assert claims("Some 40 people are missing, according to an updated tally put out on Sunday.") == []


def test_a_phrase_between_the_name_and_the_verb() -> None:
    text = "Meanwhile, Lund during a news conference on Friday said the border would stay shut."
    assert [c.speaker for c in claims(text)] == ["Lund"]


def test_reporters_visiting_and_a_present_claim_inside_their_words() -> None:
    text = "Harbour Radio reporters visiting the port have said the Kessan Army claims it shelled the docks."
    assert [c.speaker for c in claims(text)] == ["Harbour Radio reporters", "Kessan Army"]


def test_who_after_a_bare_surname() -> None:
    text = "The minister's words contradicted Lund, who hours earlier told reporters the talks had failed."
    assert [c.speaker for c in claims(text)] == ["Lund"]


def test_stating_released_and_a_pronoun_clause_after_claims() -> None:
    text = ("The Port Authority released a statement on Monday stating that 12 ships sank. "
            "Police spokesman Ivo Lenz released the toll. The Kessan Army claims it holds the bridge.")
    assert [c.speaker for c in claims(text)] == ["Port Authority", "Ivo Lenz", "Kessan Army"]


def test_two_counts_joined_by_while_have_two_speakers() -> None:
    found = claims("In Varn, 42,000 marched according to the police while the dockers' union counted 96,000.")
    assert [c.speaker for c in found] == ["police", "dockers' union"]


def test_a_fronted_clause_is_not_the_subject_of_a_participle() -> None:
    text = "Long before the tug arrived, the captain of the barge waved it off, saying the hull would hold."
    assert all(c.speaker != "Long" for c in claims(text))
    found = claims("When the river rose, the mayor ordered an evacuation, saying the levee could break.")
    assert [c.speaker for c in found] == ["mayor"]


def test_a_time_word_after_the_speaker_is_not_its_name() -> None:
    found = claims("The Varnian government overnight announced that a second survivor had died.")
    assert [c.speaker for c in found] == ["Varnian government"]


def test_a_verb_negated_with_a_contraction_is_no_claim() -> None:
    for text in ("Villagers put the toll above 60, although the county hasn't confirmed that figure.",
                 "Villagers put the toll above 60, although the county hasn\u2019t confirmed that figure."):
        assert [c.speaker for c in claims(text)] == []


def test_was_quoted_as_saying_credits_the_one_quoted() -> None:
    found = claims("\u201cWe expect the count to rise,\u201d Interior Minister Oren Bakr was quoted as "
                   "saying by the state news agency on Sunday.")
    assert [(c.speaker, c.quote) for c in found] == [("Oren Bakr", "We expect the count to rise")]


def test_a_capitalised_title_after_the_name_is_the_role_not_the_speaker() -> None:
    found = claims("Lena Ost, Deputy Chief of the Norland Fire Service, said 12 crews were at the depot.")
    role = "Deputy Chief of the Norland Fire Service"
    assert [(c.speaker, c.speaker_role) for c in found] == [("Lena Ost", role)]
    found = claims("Mira Tolsen, the head of the Varnian Electoral Board (VEB) said turnout was 64 per cent.")
    assert [c.speaker for c in found] == ["Mira Tolsen"]
