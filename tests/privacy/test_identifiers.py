"""Identifier detectors: NHS numbers (modulus 11), full postcodes, dates of birth, column names."""

import pytest

from qisite.privacy import identifiers as ids


# 943 476 5919 is the NHS number NHS Digital publishes for testing; its check digit is 9:
# 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 9·3 + 1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
@pytest.mark.parametrize("text", ["9434765919", "943 476 5919", "943-476-5919", " 943 476 5919 "])
def test_a_valid_nhs_number_is_found_however_spaced(text):
    assert ids.is_nhs_number(text)
    assert [f.kind for f in ids.in_free_text(f"patient {text} seen")] == [ids.NHS_NUMBER]


@pytest.mark.parametrize("text", ["9434765918", "943 476 5910", "94347659190", "943 4765 919", "943 476-5919"])
def test_ten_digits_failing_the_check_or_oddly_grouped_are_not_nhs_numbers(text):
    assert not ids.is_nhs_number(text)
    assert ids.nhs_numbers(text) == []


def test_check_digit_ten_means_no_valid_number():
    # first nine digits whose weighted sum mod 11 is 1 give 10: never issued
    assert ids.nhs_check_digit("000000001") == 11 - (2 % 11)
    nine = next(f"{i:09d}" for i in range(10**6) if sum(int(d) * w for d, w in zip(f"{i:09d}", range(10, 1, -1))) % 11 == 1)
    assert ids.nhs_check_digit(nine) is None
    assert ids.nhs_check_digit("000000000") == 0


@pytest.mark.parametrize("text", ["E1 4DG", "e1 4dg", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A1BB",
                                  "GIR 0AA"])
def test_full_postcodes_are_found(text):
    found = ids.postcodes(f"lives at {text}.")
    assert [f.text for f in found] == [text]


@pytest.mark.parametrize("text", ["E1", "E1 4", "SW1A", "Tower Hamlets", "Q1 2023", "18-25", "B33", "10 Aug 2020",
                                  "Ward 3A", "ICD10 F20"])
def test_districts_sectors_and_ordinary_words_are_not_postcodes(text):
    assert ids.postcodes(text) == []


def test_postcode_hint_names_the_district():
    assert "'E1'" in ids.postcodes("E1 4DG")[0].hint


@pytest.mark.parametrize("text", ["1984-03-12", "12/03/1984", "12.3.84", "12 March 1984", "3rd Mar 1984", "March 12, 1984"])
def test_full_dates_in_a_category_are_dates_of_birth(text):
    assert [f.kind for f in ids.in_category(text)] == [ids.DATE_OF_BIRTH]


@pytest.mark.parametrize("text", ["18-25", "March 2020", "2020", "Black African", "65+", "IMD decile 1"])
def test_ordinary_categories_pass(text):
    assert ids.in_category(text) == []


def test_dates_in_prose_are_not_flagged():
    assert ids.in_free_text("On 12/03/2023 we started the clinic") == []


@pytest.mark.parametrize("column", ["Patient name", "NHS Number", "nhs_no", "Surname", "Forename", "DOB", "Date of birth",
                                    "hospital number", "MRN", "first name", "FullName", "Birth date"])
def test_identifier_columns_are_found(column):
    assert ids.identifier_column(column) is not None


@pytest.mark.parametrize("column", ["date", "month", "patients", "referrals", "ethnicity", "postcode district", "team name",
                                    "ward_name", "age band", "n", "count", "reason"])
def test_ordinary_columns_pass(column):
    assert ids.identifier_column(column) is None


def test_dob_columns_say_date_of_birth():
    assert ids.identifier_column("dob").kind == ids.DATE_OF_BIRTH
    assert ids.identifier_column("Surname").kind == ids.IDENTIFIER_COLUMN


def test_an_isbn_with_the_same_check_digit_is_not_an_nhs_number():
    # an ISBN-10 has the same modulus-11 check digit: labelled ISBN, it is left alone
    assert ids.nhs_numbers("The Improvement Guide, ISBN 9434765919") == []
    assert ids.nhs_numbers("ISBN-10: 943 476 5919") == []
    assert len(ids.nhs_numbers("patient 9434765919, ISBN elsewhere")) == 1
