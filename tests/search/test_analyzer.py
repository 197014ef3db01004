"""The analyzer: one function from text to index terms, for documents and queries alike."""

from peninsula.search.analyzer import analyze, fold, words


def test_case_and_accents_fold_away():
    assert analyze("CAFÉ Résumé naïve") == analyze("cafe resume naive")
    assert fold("Ｆｕｌｌ－ｗｉｄｔｈ") == "full-width"  # NFKC


def test_english_words_are_stemmed_and_stop_words_dropped():
    assert analyze("sanctions") == analyze("sanction") == ["sanction"]
    assert analyze("the sanctioning of the regime") == ["sanction", "regim"]
    assert analyze("Korea's alliances") == ["korea", "allianc"]


def test_korean_is_split_into_overlapping_bigrams():
    assert analyze("비핵화") == ["비핵", "핵화"]
    # Particles stay attached in writing; bigrams still share "한국" with the bare word.
    assert "한국" in analyze("한국의") and "한국" in analyze("한국은")


def test_hangul_and_kana_keep_their_letters_while_latin_loses_accents():
    # NFD would split 가 into jamo and が into か + a mark; folding must not touch them.
    assert analyze("가나다") == ["가나", "나다"]
    assert analyze("がっこう") == ["がっ", "っこ", "こう"]


def test_japanese_kanji_and_kana_without_spaces():
    assert analyze("安全保障") == ["安全", "全保", "保障"]
    assert analyze("東京") == ["東京"]
    assert analyze("ー") == ["ー"]


def test_mixed_english_and_korean_text():
    assert analyze("THAAD 배치 debate") == ["thaad", "배치", "debat"]
    assert words("U.S.-ROK 동맹") == ["u", "s", "rok", "동맹"]


def test_digits_and_long_words():
    assert analyze("In 2024, 38th parallel") == ["2024", "38th", "parallel"]
    assert len(analyze("x" * 500)[0]) == 60


def test_control_characters_and_symbols_make_no_terms():
    assert analyze("\x00\x1f <script>alert(1)</script> ' OR 1=1 --") == [
        "script", "alert", "1", "script", "1", "1",
    ]  # fmt: skip
    assert analyze("!!! ??? ... ★") == []
