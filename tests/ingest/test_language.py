from newsledger.ingest.language import detect_language, normalise

ENGLISH = ("The minister said on Tuesday that more than three thousand soldiers had been sent to "
           "the border region, and that more would follow within a week.")
FRENCH = ("Le ministre a déclaré mardi que plus de trois mille soldats avaient été envoyés dans la "
          "région frontalière, et que d'autres suivraient dans la semaine.")


def test_english_text():
    assert detect_language(ENGLISH) == "en"


def test_clear_text_outvotes_a_wrong_declaration():
    assert detect_language(FRENCH, hint="en-US") == "fr"


def test_short_text_takes_the_declaration():
    assert detect_language("Oui.", hint="fr-FR") == "fr"


def test_short_text_without_declaration_is_unknown():
    assert detect_language("Oui.") is None


def test_normalise_region_and_case():
    assert normalise("EN_gb") == "en"
    assert normalise("english") is None
