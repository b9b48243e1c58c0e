"""Identifiers: the CURP part by part, the UNAM account number as document 000 writes it, and the
contact data that blocks the printing of the "Solicitud de Inscripción" (XLVI 1.6, XLIX 1.5)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.mx import curp as stdnum_curp

from residencias.domain import contacto, cuenta_unam, curp
from residencias.domain.identificadores import InvalidIdentifierError
from residencias.errors import ResidenciasError
from tests.strategies import curps_tecleadas, curps_validas, textos_curp

PARTES_CURP = {
    "longitud", "formato", "fecha", "estado", "sexo", "digito_verificador", "palabra_inconveniente",
}


def refusal(validate: object, value: str) -> InvalidIdentifierError:
    assert callable(validate)
    with pytest.raises(InvalidIdentifierError) as info:
        validate(value)
    return info.value


# --- CURP: valid ------------------------------------------------------------------------------

VALID_CURPS = [
    "BOXW310820HNERXN09",  # python-stdnum's own example, born abroad (NE)
    "MUGM950101MDFXRR07",  # MUÑOZ GARCÍA MARÍA: the Ñ of the consonants written X
    "PENA950101MDFXXN03",  # PEÑA NÚÑEZ ANA: two Ñ, both X
    "GOLA850315HJCNPN07",  # Jalisco, a man
    "HEGA040229MOCRRNA1",  # 29 February 2004, homoclave a letter (born from 2000 on)
    "GARC800101HDFRRR09",
]


@pytest.mark.parametrize("value", VALID_CURPS)
def test_valid_curps_are_accepted_by_us_and_by_stdnum(value: str) -> None:
    assert stdnum_curp.validate(value) == value
    assert curp.validate(value) == value
    assert curp.is_valid(value)


def test_compact_upper_cases_and_drops_blanks_and_hyphens() -> None:
    assert curp.compact(" mugm 950101-mdfxrr07\t") == "MUGM950101MDFXRR07"
    assert curp.validate("gola-850315-hjcnpn07") == "GOLA850315HJCNPN07"


def test_what_the_curp_says() -> None:
    assert curp.get_fecha_nacimiento("HEGA040229MOCRRNA1").isoformat() == "2004-02-29"
    assert curp.get_fecha_nacimiento("BOXW310820HNERXN09").isoformat() == "1931-08-20"
    assert curp.get_sexo("GOLA850315HJCNPN07") == "H"
    assert curp.get_sexo("MUGM950101MDFXRR07") == "M"
    assert curp.get_estado("GOLA850315HJCNPN07") == "Jalisco"
    assert curp.get_estado("BOXW310820HNERXN09") == "Nacido en el extranjero"
    with pytest.raises(InvalidIdentifierError):
        curp.get_sexo("GOLA850315XJCNPN01")


def test_states_and_inconvenient_words_are_stdnums() -> None:
    assert set(curp.ESTADOS) == stdnum_curp._valid_states
    assert len(curp.ESTADOS) == 33  # the 32 entidades and NE
    assert stdnum_curp._name_blacklist == curp.PALABRAS_INCONVENIENTES


# --- CURP: each part that fails ---------------------------------------------------------------

FAILING_CURPS = [
    ("MUGM950101MDFXRR0", "longitud", "tiene 17 caracteres; se esperaban 18"),
    ("MUGM950101MDFXRR077", "longitud", "tiene 19 caracteres"),
    ("", "longitud", "tiene 0 caracteres"),
    ("1UGM950101MDFXRR07", "formato", "posiciones 1 a 4 (las iniciales de apellidos y nombre) deben ser"),
    ("MUGM95O101MDFXRR07", "formato", "posiciones 5 a 10 (la fecha de nacimiento AAMMDD) deben ser dígitos"),
    ("MUGM9501011DFXRR07", "formato", "posición 11 (el sexo) debe ser una letra"),
    ("MUGM950101MD1XRR07", "formato", "posiciones 12 a 13 (la entidad de nacimiento)"),
    ("MUGM950101MDFARR07", "formato", "deben ser consonantes; se encontró 'ARR'"),
    ("MUGM950101MDFXRR$7", "formato", "posición 17 (la homoclave)"),
    ("MUGM950101MDFXRR0A", "formato", "posición 18 (el dígito verificador) debe ser un dígito"),
    ("MUGM950101MDFXRRÁ7", "formato", "la homoclave"),
    ("PUTO950101HDFRRR06", "palabra_inconveniente", "las iniciales 'PUTO' forman una palabra"),
    ("HEGA950229MOCRRN02", "fecha", "'950229' (posiciones 5 a 10, AAMMDD; año 1995"),
    ("HEGA020229MOCRRNA7", "fecha", "año 2002 según la homoclave) no existe"),
    ("GOLA851315HJCNPN07", "fecha", "'851315'"),
    ("GOLA850315HXXNPN00", "estado", "la entidad de nacimiento 'XX' (posiciones 12 y 13) no existe"),
    ("GOLA850315XJCNPN01", "sexo", "el sexo 'X' (posición 11) no existe; se esperaba H (hombre) o M (mujer)"),
    ("MUGM950101MDFXRR08", "digito_verificador", "es 8; se esperaba 7"),
    ("BOXW310820HNERXN08", "digito_verificador", "es 8; se esperaba 9"),
]


@pytest.mark.parametrize(("value", "parte", "fragment"), FAILING_CURPS)
def test_each_failing_part_is_named(value: str, parte: str, fragment: str) -> None:
    err = refusal(curp.validate, value)
    assert err.parte == parte
    assert fragment in str(err)
    assert str(err).startswith(f"CURP '{curp.compact(value)}' inválida: ")
    assert err.tipo == "CURP"
    assert err.identificador == value
    assert not curp.is_valid(value)
    assert not stdnum_curp.is_valid(value) or parte == "formato"  # stdnum does not check consonants


def test_stdnum_accepts_a_vowel_among_the_consonants_we_refuse() -> None:
    """The one place the library is stricter than python-stdnum: positions 14-16 are consonants."""
    assert stdnum_curp.is_valid("MUGM950101MDFARR07")
    assert refusal(curp.validate, "MUGM950101MDFARR07").parte == "formato"


# --- CURP: the Ñ ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["MUGM950101MDFÑRR07", "mugm950101mdfñrr07", "MUGM950101MDFN\u0303RR07", "ÑUGM950101MDFXRR07"],
)
def test_a_curp_typed_with_enye_is_refused_not_converted(value: str) -> None:
    err = refusal(curp.validate, value)
    assert err.parte == "formato"
    assert "la CURP no lleva Ñ, el registro escribe X en su lugar" in str(err)
    assert "Ñ" in curp.compact(value)  # compact keeps it: the conversion is the person's to make
    assert not stdnum_curp.is_valid(value.upper())  # python-stdnum refuses it too


def test_the_enye_message_suggests_the_registry_spelling() -> None:
    err = refusal(curp.validate, "MUGM950101MDFÑRR07")
    assert str(err).endswith("'MUGM950101MDFXRR07'")
    assert curp.is_valid("MUGM950101MDFXRR07")


def test_the_enye_is_reported_before_the_length() -> None:
    assert refusal(curp.validate, "MUGM950101MDFÑRR0").parte == "formato"


# --- The error --------------------------------------------------------------------------------


def test_invalid_identifier_error_is_a_residencias_error_and_pickles() -> None:
    err = refusal(curp.validate, "GOLA850315XJCNPN01")
    assert isinstance(err, ResidenciasError)
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.tipo, copy.identificador, copy.parte, str(copy)) == (
        err.tipo, err.identificador, err.parte, str(err)
    )


# --- Número de cuenta UNAM (document 000) ----------------------------------------------------


def test_account_number_example_of_document_000() -> None:
    """'para el número de cuenta 9025888-5 se tendría que escribir el número 090258885'."""
    assert cuenta_unam.compact("9025888-5") == "090258885"
    assert cuenta_unam.validate("9025888-5") == "090258885"
    assert not cuenta_unam.es_provisional("9025888-5")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("090258885", "090258885"),  # already as the document writes it
        ("90258885", "090258885"),  # 8 digits without the hyphen: the zero is still added
        ("310123456", "310123456"),  # 9 digits stay
        ("31012345-6", "310123456"),  # the hyphen before the check digit is dropped
        (" 9025888 - 5 ", "090258885"),
    ],
)
def test_account_numbers_compact_to_nine_digits(value: str, expected: str) -> None:
    assert cuenta_unam.validate(value) == expected
    assert cuenta_unam.is_valid(value)


@pytest.mark.parametrize("value", ["EM0000001", "EM2400000", "EM0000000", "em0000001"])
def test_provisional_numbers_of_the_screens(value: str) -> None:
    assert cuenta_unam.validate(value) == value.upper()
    assert cuenta_unam.es_provisional(value)


@pytest.mark.parametrize(
    ("value", "parte", "fragment"),
    [
        ("9025888", "longitud", "tiene 7 dígitos; se esperaban 9, u 8 de una generación anterior a 2000"),
        ("0902588851", "longitud", "tiene 10 dígitos"),
        ("EM000001", "longitud", "tiene 6 dígitos después de EM; se esperaban 7"),
        ("EM00000012", "longitud", "tiene 8 dígitos después de EM"),
        ("90-25888-5", "formato", "el guion solo separa el dígito verificador"),
        ("9025888-55", "formato", "el guion solo separa el dígito verificador"),
        ("ABC123456", "formato", "se esperaban 9 dígitos (p. ej. 090258885) o un número provisional"),
        ("EX0000001", "formato", "EM y 7 dígitos"),
        ("", "formato", "se esperaban 9 dígitos"),
    ],
)
def test_account_numbers_refused(value: str, parte: str, fragment: str) -> None:
    err = refusal(cuenta_unam.validate, value)
    assert (err.parte, err.tipo) == (parte, "número de cuenta UNAM")
    assert fragment in str(err)
    assert not cuenta_unam.is_valid(value)
    assert not cuenta_unam.es_provisional(value)


# --- Teléfonos y correos ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5556232300", "5556232300"),
        ("(55) 5623-2300", "5556232300"),
        ("55 5623 2107", "5556232107"),
        ("55-5623-2159", "5556232159"),
        ("(55)5623-2159", "5556232159"),
    ],
)
def test_ten_digit_phones(value: str, expected: str) -> None:
    assert contacto.validate_telefono(value) == expected
    assert contacto.is_valid_telefono(value)


def test_eight_digit_phone_is_refused_as_the_documents_say() -> None:
    err = refusal(contacto.validate_telefono, "5623-2300")
    assert err.parte == "longitud"
    assert "tiene 8 dígitos en lugar de los 10 requeridos" in str(err)
    assert "no se puede imprimir la Solicitud de Inscripción (XLVI 1.6, XLIX 1.5)" in str(err)


@pytest.mark.parametrize(
    ("value", "parte", "fragment"),
    [
        ("555623230", "longitud", "tiene 9 dígitos en lugar de los 10"),
        ("555623230012", "longitud", "tiene 12 dígitos"),
        ("", "longitud", "está vacío"),
        ("+52 55 5623 2300", "formato", "clave de país"),
        ("55 5623 2300 ext. 45158", "formato", "solo admite dígitos"),
        ("55.5623.2300", "formato", "solo admite dígitos"),
        ("٥٥٥٦٢٣٢٣٠٠", "formato", "solo admite dígitos"),
    ],
)
def test_phones_refused(value: str, parte: str, fragment: str) -> None:
    err = refusal(contacto.validate_telefono, value)
    assert (err.parte, err.tipo) == (parte, "teléfono")
    assert fragment in str(err)
    assert not contacto.is_valid_telefono(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("usepos_registro@unam.mx", "usepos_registro@unam.mx"),  # addresses in the documents
        ("factura.fofoe@imss.gob.mx", "factura.fofoe@imss.gob.mx"),
        ("posgrado.residentes@imss.gob.mx", "posgrado.residentes@imss.gob.mx"),
        ("claudia_personal0111@hotmail.com", "claudia_personal0111@hotmail.com"),
        (" Ana.Perez+enarm@Example.COM ", "Ana.Perez+enarm@example.com"),
        ("a@sub-dominio.example.org", "a@sub-dominio.example.org"),
    ],
)
def test_valid_email_addresses(value: str, expected: str) -> None:
    assert contacto.validate_correo(value) == expected
    assert contacto.is_valid_correo(value)


@pytest.mark.parametrize(
    ("value", "parte", "fragment"),
    [
        ("ana.example.com", "formato", "no lleva arroba"),
        ("ana@@example.com", "formato", "lleva 2 arrobas"),
        ("ana@example", "formato", "el dominio ('example') no es válido"),
        ("ana@example.c0m", "formato", "el dominio"),
        ("ana@-example.com", "formato", "el dominio"),
        ("ana@example..com", "formato", "el dominio"),
        (".ana@example.com", "formato", "la parte antes de @ ('.ana') no es válida"),
        ("ana..perez@example.com", "formato", "la parte antes de @"),
        ("ana perez@example.com", "formato", "la parte antes de @"),
        ("@example.com", "formato", "la parte antes de @"),
        ("peña@example.com", "formato", "fuera de ASCII"),
        ("", "longitud", "está vacío"),
        ("a" * 65 + "@example.com", "formato", "de 1 a 64"),
        ("a@" + ".".join(["b" * 63] * 4) + ".mx", "longitud", "tiene 260 caracteres; se esperaban 254"),
    ],
)
def test_email_addresses_refused(value: str, parte: str, fragment: str) -> None:
    err = refusal(contacto.validate_correo, value)
    assert (err.parte, err.tipo) == (parte, "correo electrónico")
    assert fragment in str(err)
    assert not contacto.is_valid_correo(value)


# --- revisar_contacto: the examples of XLVI 1.6 and XLIX 1.5 --------------------------------

DOS_TELEFONOS = ["(55) 5623-2300", "55 5623 2107"]
DOS_CORREOS = ["ana@example.com", "ana.perez@example.org"]


def test_complete_contact_data_prints() -> None:
    assert contacto.revisar_contacto(DOS_TELEFONOS, DOS_CORREOS) == ()
    assert contacto.revisar_contacto([*DOS_TELEFONOS, "5556232159"], [*DOS_CORREOS, "x@y.mx"]) == ()


def test_eight_digit_phone_blocks_the_solicitud() -> None:
    """XLVI 1.6 'llenar teléfono a 8 dígitos en lugar de los 10'; XLIX 1.5 'ocho dígitos'."""
    assert contacto.revisar_contacto(["(55) 5623-2300", "5623-2107"], DOS_CORREOS) == (
        "XLVI 1.6, XLIX 1.5: el teléfono '5623-2107' tiene 8 dígitos en lugar de los 10 requeridos",
    )


def test_one_phone_instead_of_two_blocks_the_solicitud() -> None:
    """XLVI 1.6 'colocar solo un número telefónico en lugar de los dos solicitados'."""
    expected = (
        "XLVI 1.6, XLIX 1.5: se capturó un solo número telefónico en lugar de los dos solicitados",
    )
    assert contacto.revisar_contacto(["5556232300"], DOS_CORREOS) == expected
    assert contacto.revisar_contacto(["5556232300", "  "], DOS_CORREOS) == expected  # blank = missing


def test_one_email_instead_of_two_blocks_the_solicitud() -> None:
    """XLIX 1.5 'Registro de una sola dirección de correo electrónico cuando el formato exige dos'."""
    assert contacto.revisar_contacto(DOS_TELEFONOS, ["ana@example.com"]) == (
        "XLIX 1.5: se registró una sola dirección de correo electrónico cuando el formato exige dos",
    )


def test_every_reason_is_given_in_the_order_of_the_form() -> None:
    razones = contacto.revisar_contacto(["56232300"], ["ana@example"])
    assert razones == (
        "XLVI 1.6, XLIX 1.5: se capturó un solo número telefónico en lugar de los dos solicitados",
        "XLVI 1.6, XLIX 1.5: el teléfono '56232300' tiene 8 dígitos en lugar de los 10 requeridos",
        "XLIX 1.5: se registró una sola dirección de correo electrónico cuando el formato exige dos",
        "XLVI 1.6, XLIX 1.5: el correo electrónico 'ana@example' no es válido: el dominio ('example') "
        "no es válido; se esperaba algo como 'example.com' (etiquetas separadas por puntos, la última "
        "de letras)",
    )


def test_nothing_captured() -> None:
    assert contacto.revisar_contacto([], []) == (
        "XLVI 1.6, XLIX 1.5: no se capturó ningún número telefónico; se solicitan dos",
        "XLIX 1.5: no se registró ninguna dirección de correo electrónico; el formato exige dos",
    )


def test_a_bare_text_is_not_a_list_of_phones() -> None:
    with pytest.raises(TypeError):
        contacto.revisar_contacto("5556232300", DOS_CORREOS)


# --- Properties -------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(curps_validas())
def test_generated_curps_are_valid_for_stdnum_and_for_us(value: str) -> None:
    assert stdnum_curp.validate(value) == value
    assert curp.validate(curp.compact(value)) == curp.compact(value) == value
    assert curp.calc_check_digit(value) == stdnum_curp.calc_check_digit(value) == value[-1]


@settings(max_examples=200, deadline=None)
@given(curps_tecleadas())
def test_typed_curps_validate_to_their_compact_form(typed: tuple[str, str]) -> None:
    value, canonica = typed
    assert curp.validate(curp.compact(value)) == curp.compact(value) == canonica
    assert curp.validate(value) == canonica


@settings(max_examples=300, deadline=None)
@given(st.one_of(textos_curp(), st.text()))
def test_curp_validate_returns_or_refuses_with_a_part(value: str) -> None:
    try:
        result = curp.validate(value)
    except InvalidIdentifierError as err:
        assert err.parte in PARTES_CURP
        assert err.identificador == value
        assert "\n" not in str(err) or "\n" in value
        assert not curp.is_valid(value)
    else:
        assert result == curp.compact(value)
        assert stdnum_curp.is_valid(result)  # never more lenient than python-stdnum
        assert curp.validate(result) == result


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text("0123456789-EMem ", max_size=12)))
def test_account_validate_returns_or_refuses(value: str) -> None:
    try:
        result = cuenta_unam.validate(value)
    except InvalidIdentifierError as err:
        assert err.parte in {"longitud", "formato"}
    else:
        assert len(result) == 9
        assert cuenta_unam.validate(result) == result


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.text("0123456789-() +", max_size=16)))
def test_phone_validate_returns_or_refuses(value: str) -> None:
    try:
        result = contacto.validate_telefono(value)
    except InvalidIdentifierError as err:
        assert err.parte in {"longitud", "formato"}
    else:
        assert len(result) == 10 and result.isascii() and result.isdigit()


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.emails()))
def test_email_validate_returns_or_refuses(value: str) -> None:
    try:
        result = contacto.validate_correo(value)
    except InvalidIdentifierError as err:
        assert err.parte in {"longitud", "formato"}
    else:
        assert contacto.validate_correo(result) == result
