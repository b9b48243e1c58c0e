"""Generate the worked example of the CER seat assignment (imss-cer-2026-2027, section 6.2).

This script writes a fictitious but realistic competition for six CER of Tabla 1 that take Medicina
Interna, grade 2, as prerequisite, and a "published result" to audit against it:

- ``cer-2026-2027.yaml``: the competition as a YAML fixture (``convocatoria: imss-cer-2026-2027``);
  300 applicants with EFISER, promedio de posgrado, ENARM and, for about 15% of them, the
  ``puntaje_adicional`` for publications (section 7), each with their ordered options of sede.
- ``cer-2026-2027-csv/sedes.csv`` and ``cer-2026-2027-csv/aspirantes.csv``: the same input as a CSV
  directory, with the rows in another order (the order of rows does not matter).
- ``publicado.csv``: the assignment the library computes for that input (``folio,sede``, sorted by
  folio), with exactly two planted discrepancies:

  1. Neurología: the seats of ``INTERCAMBIO`` = (398678, 391730), neighbours in the processing
     order, are swapped. 6.2 gives 398678 (PI-IMSS 83.3560, place 13 of 50) UMAE-HE-CMN-LA-RAZA, their
     1st option, and 391730 (83.3295, place 14) UMAE-HE-CMNO, their 4th; the published file puts
     398678 in UMAE-HE-CMNO and 391730 in UMAE-HE-CMN-LA-RAZA. The audit reports a
     ``sede_distinta`` for each folio and an ``envidia_justificada`` (398678, 391730): 398678 listed
     UMAE-HE-CMN-LA-RAZA before their published seat, and it went to a lower PI-IMSS.
  2. Oncología Médica (14 applicants for 15 plazas): ``SIN_ASIGNAR`` = 690865, last in the order
     (77.3600), gets HGR-1-CULIACAN, their 5th option, under 6.2, but is published without a sede.
     The audit reports a ``sede_distinta`` and a ``desperdicio``: HGR-1-CULIACAN is left with 2 free
     plazas (1 under 6.2) while 690865, who listed it, got nothing.

A few exact PI-IMSS ties are planted as well (``generar``): in Cardiología, 608289 and 504343, settled
by EFISER, decide a plaza of UMAE-HC-CMN-SXXI; in Gastroenterología, 682713 and 709055 have the same
grades, are settled by the folio and decide a plaza of UMAE-HE-CMN-SXXI; in Reumatología, 155475 and
688721, left unassigned, are settled by the promedio de posgrado. One more tie, in Reumatología,
arises by chance.

Sedes, plazas, folios and grades are invented (seeded with ``random.Random(20260415)``); the
hospital claves are illustrative, not official IMSS codes. Every run writes byte-identical files.
Regenerate from the repository root with::

    python examples/asignacion/generar.py            # or: PYTHONPATH=src python examples/...

An optional argument names another output directory. The script checks what it writes: the YAML
and CSV forms give the same input hash and the same seats, the planted ties are there, and the
audit of ``publicado.csv`` gives exactly the discrepancies above (it stops with an error otherwise,
listing the folios that would do if the data changed).
"""

import csv
import io
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

from residencias.assignment.asignacion import Asignacion, ResultadoAspirante, assign
from residencias.assignment.concurso import Concurso, Entrada, Solicitud
from residencias.assignment.politica import Criterio, folio_key
from residencias.assignment.replay import Publicado, comparar, replay
from residencias.domain.sede import Sede

SEMILLA = 20260415
CONVOCATORIA = "imss-cer-2026-2027"
DIRECTORIO = Path(__file__).resolve().parent
YAML = "cer-2026-2027.yaml"
DIRECTORIO_CSV = "cer-2026-2027-csv"
PUBLICADO = "publicado.csv"

INTERCAMBIO_CER = "Neurología"
INTERCAMBIO: tuple[str, str] = ("398678", "391730")
"""Planted discrepancy 1: (higher PI-IMSS, lower PI-IMSS), published in each other's sede."""

SIN_ASIGNAR_CER = "Oncología Médica"
SIN_ASIGNAR = "690865"
"""Planted discrepancy 2: assigned by 6.2, published without a sede."""

DISCREPANCIAS_ESPERADAS: frozenset[tuple[str, tuple[str, ...]]] = frozenset({
    ("sede_distinta", (INTERCAMBIO[0],)),
    ("sede_distinta", (INTERCAMBIO[1],)),
    ("envidia_justificada", INTERCAMBIO),
    ("sede_distinta", (SIN_ASIGNAR,)),
    ("desperdicio", (SIN_ASIGNAR,)),
})
"""(tipo, folios) of every discrepancy the audit of ``publicado.csv`` must report."""

HOSPITALES: dict[str, tuple[str, str]] = {
    # clave: (nombre, entidad)
    "UMAE-HC-CMN-SXXI": ("UMAE Hospital de Cardiología, Centro Médico Nacional Siglo XXI, Ciudad de México",
                         "CDMX"),
    "UMAE-HE-CMN-SXXI": ("UMAE Hospital de Especialidades «Dr. Bernardo Sepúlveda Gutiérrez», Centro Médico "
                         "Nacional Siglo XXI, Ciudad de México", "CDMX"),
    "UMAE-HO-CMN-SXXI": ("UMAE Hospital de Oncología, Centro Médico Nacional Siglo XXI, Ciudad de México",
                         "CDMX"),
    "UMAE-HG-CMN-LA-RAZA": ("UMAE Hospital General «Dr. Gaudencio González Garza», Centro Médico Nacional "
                            "La Raza, Ciudad de México", "CDMX"),
    "UMAE-HE-CMN-LA-RAZA": ("UMAE Hospital de Especialidades «Dr. Antonio Fraga Mouret», Centro Médico "
                            "Nacional La Raza, Ciudad de México", "CDMX"),
    "UMAE-HE-CMNO": ("UMAE Hospital de Especialidades, Centro Médico Nacional de Occidente, Guadalajara, "
                     "Jalisco", "Jalisco"),
    "UMAE-HC-34-MTY": ("UMAE Hospital de Cardiología No. 34, Monterrey, Nuevo León", "Nuevo León"),
    "UMAE-HE-25-CMNNE": ("UMAE Hospital de Especialidades No. 25, Centro Médico Nacional del Noreste, "
                         "Monterrey, Nuevo León", "Nuevo León"),
    "UMAE-HE-CMN-PUEBLA": ("UMAE Hospital de Especialidades, Centro Médico Nacional «Gral. de Div. Manuel "
                           "Ávila Camacho», Puebla, Puebla", "Puebla"),
    "UMAE-HE-1-CMN-BAJIO": ("UMAE Hospital de Especialidades No. 1, Centro Médico Nacional del Bajío, León, "
                            "Guanajuato", "Guanajuato"),
    "UMAE-HE-2-CMNNO": ("UMAE Hospital de Especialidades No. 2, Centro Médico Nacional del Noroeste, "
                        "Ciudad Obregón, Sonora", "Sonora"),
    "UMAE-HE-14-VER": ("UMAE Hospital de Especialidades No. 14, Centro Médico Nacional «Adolfo Ruiz "
                       "Cortines», Veracruz, Veracruz", "Veracruz"),
    "UMAE-HE-CMN-MERIDA": ("UMAE Hospital de Especialidades, Centro Médico Nacional «Ignacio García Téllez», "
                           "Mérida, Yucatán", "Yucatán"),
    "HGR-1-QRO": ("Hospital General Regional No. 1, Querétaro, Querétaro", "Querétaro"),
    "HGR-20-TIJUANA": ("Hospital General Regional No. 20, Tijuana, Baja California", "Baja California"),
    "HGR-1-CULIACAN": ("Hospital General Regional No. 1, Culiacán, Sinaloa", "Sinaloa"),
}


@dataclass(frozen=True)
class SedeOfertada:
    """A sede of one CER: its clave, the plazas offered and how popular it is (a relative weight)."""

    clave: str
    plazas: int
    peso: int


@dataclass(frozen=True)
class CerOfertado:
    """One CER competition: its catalogue name, how many applicants it draws, and its sedes."""

    nombre: str
    aspirantes: int
    sedes: tuple[SedeOfertada, ...]


CERS: tuple[CerOfertado, ...] = (
    CerOfertado("Cardiología", 80, (
        SedeOfertada("UMAE-HC-CMN-SXXI", 6, 40),
        SedeOfertada("UMAE-HG-CMN-LA-RAZA", 4, 25),
        SedeOfertada("UMAE-HE-CMNO", 4, 20),
        SedeOfertada("UMAE-HC-34-MTY", 3, 18),
        SedeOfertada("UMAE-HE-CMN-PUEBLA", 3, 10),
        SedeOfertada("UMAE-HE-1-CMN-BAJIO", 2, 8),
        SedeOfertada("UMAE-HE-2-CMNNO", 2, 5),
        SedeOfertada("UMAE-HE-CMN-MERIDA", 2, 5),
    )),
    CerOfertado("Gastroenterología", 60, (
        SedeOfertada("UMAE-HE-CMN-SXXI", 5, 35),
        SedeOfertada("UMAE-HE-CMN-LA-RAZA", 4, 25),
        SedeOfertada("UMAE-HE-CMNO", 3, 18),
        SedeOfertada("UMAE-HE-25-CMNNE", 3, 14),
        SedeOfertada("UMAE-HE-CMN-PUEBLA", 2, 8),
        SedeOfertada("UMAE-HE-14-VER", 2, 6),
    )),
    CerOfertado("Nefrología", 50, (
        SedeOfertada("UMAE-HE-CMN-SXXI", 4, 30),
        SedeOfertada("UMAE-HE-CMN-LA-RAZA", 3, 22),
        SedeOfertada("UMAE-HE-CMNO", 3, 16),
        SedeOfertada("UMAE-HE-25-CMNNE", 2, 12),
        SedeOfertada("UMAE-HE-1-CMN-BAJIO", 2, 8),
    )),
    CerOfertado("Neurología", 50, (
        SedeOfertada("UMAE-HE-CMN-SXXI", 4, 30),
        SedeOfertada("UMAE-HE-CMN-LA-RAZA", 3, 24),
        SedeOfertada("UMAE-HE-CMNO", 3, 16),
        SedeOfertada("UMAE-HE-25-CMNNE", 2, 12),
        SedeOfertada("UMAE-HE-CMN-PUEBLA", 2, 7),
        SedeOfertada("HGR-1-QRO", 1, 4),
    )),
    CerOfertado("Oncología Médica", 14, (
        SedeOfertada("UMAE-HO-CMN-SXXI", 5, 30),
        SedeOfertada("UMAE-HE-CMNO", 3, 15),
        SedeOfertada("UMAE-HE-25-CMNNE", 3, 12),
        SedeOfertada("UMAE-HE-CMN-PUEBLA", 2, 6),
        SedeOfertada("HGR-1-CULIACAN", 2, 3),
    )),
    CerOfertado("Reumatología", 46, (
        SedeOfertada("UMAE-HE-CMN-SXXI", 3, 30),
        SedeOfertada("UMAE-HE-CMN-LA-RAZA", 2, 20),
        SedeOfertada("UMAE-HE-CMNO", 2, 14),
        SedeOfertada("UMAE-HE-25-CMNNE", 2, 10),
        SedeOfertada("HGR-20-TIJUANA", 1, 4),
    )),
)


@dataclass(frozen=True)
class Aspirante:
    """One applicant: folio, CER, grades on base 100, bonus (``None``: no publications), options."""

    folio: str
    cer: str
    efiser: Decimal
    promedio_posgrado: Decimal
    enarm: Decimal
    puntaje_adicional: Decimal | None
    opciones: tuple[str, ...]


# --- Drawing the applicants -----------------------------------------------------------------------
# Only integer draws (randrange), so that the files do not depend on the platform's floating point.


def _orden_ponderado(rng: random.Random, sedes: Sequence[SedeOfertada], entidad: str | None) -> list[str]:
    """The sedes in an order of preference: each next one drawn in proportion to its popularity, four
    times that in the applicant's own entidad."""
    restantes = list(sedes)
    orden: list[str] = []
    while restantes:
        pesos = [s.peso * (4 if HOSPITALES[s.clave][1] == entidad else 1) for s in restantes]
        r = rng.randrange(sum(pesos))
        k = 0
        while r >= pesos[k]:
            r -= pesos[k]
            k += 1
        orden.append(restantes.pop(k).clave)
    return orden


def _calificaciones(rng: random.Random) -> tuple[Decimal, Decimal, Decimal]:
    """EFISER (55.0 to 95.0, one decimal), promedio de posgrado (80.00 to 98.00) and ENARM (55.00 to
    85.00), correlated through a common ability concentrated around the middle."""
    habilidad = (rng.randrange(1001) + rng.randrange(1001) + rng.randrange(1001)) // 3
    efiser = 550 + 400 * (2 * habilidad + rng.randrange(1001)) // 3000
    posgrado = 8000 + 1800 * (habilidad + rng.randrange(1001)) // 2000
    enarm = 5500 + 3000 * (habilidad + 2 * rng.randrange(1001)) // 3000
    return Decimal(efiser).scaleb(-1), Decimal(posgrado).scaleb(-2), Decimal(enarm).scaleb(-2)


def _puntaje_adicional(rng: random.Random) -> Decimal | None:
    """About 15% have publications: 0.05 per first authorship, 0.025 per second (7.2), at most 0.50."""
    if rng.randrange(100) >= 15:
        return None
    total = Decimal(0)
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
        total += Decimal("0.05") if rng.randrange(10) < 6 else Decimal("0.025")
    return min(total, Decimal("0.50")).quantize(Decimal("0.001"))


def _aspirantes(rng: random.Random) -> list[Aspirante]:
    total = sum(c.aspirantes for c in CERS)
    folios = [f"{n:06d}" for n in rng.sample(range(10**6), total)]
    out: list[Aspirante] = []
    for cer in CERS:
        entidades = sorted({HOSPITALES[s.clave][1] for s in cer.sedes})
        for _ in range(cer.aspirantes):
            efiser, posgrado, enarm = _calificaciones(rng)
            adicional = _puntaje_adicional(rng)
            entidad = rng.choice(entidades) if rng.randrange(10) < 4 else None
            opciones = _orden_ponderado(rng, cer.sedes, entidad)
            if rng.randrange(100) < 10:  # registers only some sedes, against 2.1 B
                opciones = opciones[: rng.randrange(2, len(opciones))]
            folio = folios.pop()
            out.append(Aspirante(folio, cer.nombre, efiser, posgrado, enarm, adicional, tuple(opciones)))
    return out


# --- Assigning with the library -------------------------------------------------------------------


def _entrada(aspirantes: Iterable[Aspirante]) -> Entrada:
    por_cer: dict[str, list[Solicitud]] = {c.nombre: [] for c in CERS}
    for a in aspirantes:
        por_cer[a.cer].append(Solicitud(a.folio, a.opciones, efiser=a.efiser,
                                        promedio_posgrado=a.promedio_posgrado, enarm=a.enarm,
                                        puntaje_adicional=a.puntaje_adicional))
    concursos = [Concurso(c.nombre, [Sede(s.clave, s.plazas, HOSPITALES[s.clave][0]) for s in c.sedes],
                          por_cer[c.nombre]) for c in CERS]
    return Entrada(concursos, CONVOCATORIA)


def _orden(asignacion: Asignacion, cer: str) -> list[ResultadoAspirante]:
    """The applicants of one CER in the processing order of 6.2."""
    return sorted((r for r in asignacion.asignaciones if r.cer == cer), key=lambda r: r.posicion)


# --- Planting ties --------------------------------------------------------------------------------


def _con_notas(a: Aspirante, modelo: Aspirante, efiser: str, posgrado: str, enarm: str) -> Aspirante:
    """``a`` with ``modelo``'s grades shifted by the given amounts (and ``modelo``'s bonus)."""
    return replace(a, efiser=modelo.efiser + Decimal(efiser),
                   promedio_posgrado=modelo.promedio_posgrado + Decimal(posgrado),
                   enarm=modelo.enarm + Decimal(enarm), puntaje_adicional=modelo.puntaje_adicional)


def _empate_decisivo(aspirantes: list[Aspirante], cer: CerOfertado, por_folio: bool) -> None:
    """Give the applicant processed right after the last one admitted to the CER's most popular sede
    (a later folio, ``por_folio``) that one's PI-IMSS, losing the tie-break, with that sede first."""
    asignacion = assign(_entrada(aspirantes))
    sede = max(cer.sedes, key=lambda s: s.peso).clave
    corte = asignacion.corte(cer.nombre, sede)
    assert corte.folio_corte is not None and corte.ocupadas == corte.plazas
    orden = _orden(asignacion, cer.nombre)
    x = asignacion.resultado(corte.folio_corte)
    y = next(r for r in orden[x.posicion:] if not por_folio or folio_key(r.folio) > folio_key(x.folio))
    i = next(k for k, a in enumerate(aspirantes) if a.folio == y.folio)
    modelo = next(a for a in aspirantes if a.folio == x.folio)
    if por_folio:  # the very same grades: only the folio separates them
        nuevo = _con_notas(aspirantes[i], modelo, "0", "0", "0")
    elif modelo.promedio_posgrado <= Decimal("97"):  # 0.50 × 0.9 = 0.45 × 1.00
        nuevo = _con_notas(aspirantes[i], modelo, "-0.9", "1.00", "0")
    else:  # 0.50 × 0.1 = 0.05 × 1.00
        nuevo = _con_notas(aspirantes[i], modelo, "-0.1", "0", "1.00")
    aspirantes[i] = replace(nuevo, opciones=(sede, *(o for o in nuevo.opciones if o != sede)))


def _empate_por_posgrado(aspirantes: list[Aspirante], cer: CerOfertado) -> None:
    """The last applicant of the CER gets the PI-IMSS of the one before: same EFISER, promedio de
    posgrado 0.10 lower and ENARM 0.90 higher (0.45 × 0.10 = 0.05 × 0.90)."""
    orden = _orden(assign(_entrada(aspirantes)), cer.nombre)
    x, y = orden[-2].folio, orden[-1].folio
    i = next(k for k, a in enumerate(aspirantes) if a.folio == y)
    modelo = next(a for a in aspirantes if a.folio == x)
    aspirantes[i] = _con_notas(aspirantes[i], modelo, "0", "-0.10", "0.90")


def _cer(nombre: str) -> CerOfertado:
    return next(c for c in CERS if c.nombre == nombre)


def generar() -> list[Aspirante]:
    """The applicants, ties planted, in the order they are written to the YAML file."""
    rng = random.Random(SEMILLA)
    aspirantes = _aspirantes(rng)
    _empate_decisivo(aspirantes, _cer("Cardiología"), por_folio=False)
    _empate_decisivo(aspirantes, _cer("Gastroenterología"), por_folio=True)
    _empate_por_posgrado(aspirantes, _cer("Reumatología"))
    return aspirantes


# --- Planting the discrepancies -------------------------------------------------------------------


Forma = frozenset[tuple[str, tuple[str, ...]]]


def _forma(asignacion: Asignacion, publicado: dict[str, str | None]) -> Forma:
    """(tipo, folios) of each discrepancy between ``asignacion`` and ``publicado``."""
    return frozenset((d.tipo, d.folios) for d in comparar(asignacion, Publicado(PUBLICADO, publicado)))


def candidatos_intercambio(asignacion: Asignacion, cer: str) -> list[tuple[str, str]]:
    """Neighbours in the processing order (higher, lower PI-IMSS) whose swapped seats would show
    exactly two ``sede_distinta`` and one ``envidia_justificada``."""
    seats = asignacion.sede_de()
    orden = _orden(asignacion, cer)
    out = []
    for h, lo in pairwise(orden):
        if h.sede is None or lo.sede is None or h.sede == lo.sede or h.puntaje == lo.puntaje:
            continue
        publicado = {**seats, h.folio: lo.sede, lo.folio: h.sede}
        esperado = {("sede_distinta", (h.folio,)), ("sede_distinta", (lo.folio,)),
                    ("envidia_justificada", (h.folio, lo.folio))}
        if _forma(asignacion, publicado) == esperado:
            out.append((h.folio, lo.folio))
    return out


def candidatos_sin_asignar(asignacion: Asignacion, cer: str) -> list[str]:
    """Assigned applicants whose removal would show exactly a ``sede_distinta`` and a ``desperdicio``
    naming only them."""
    seats = asignacion.sede_de()
    return [r.folio for r in _orden(asignacion, cer) if r.sede is not None
            and _forma(asignacion, {**seats, r.folio: None}) == {("sede_distinta", (r.folio,)),
                                                                  ("desperdicio", (r.folio,))}]


def publicar(asignacion: Asignacion) -> dict[str, str | None]:
    """The published result: the library's seats with the two planted discrepancies."""
    seats = asignacion.sede_de()
    alto, bajo = INTERCAMBIO
    return {**seats, alto: seats[bajo], bajo: seats[alto], SIN_ASIGNAR: None}


# --- Writing --------------------------------------------------------------------------------------


def _numero(valor: Decimal) -> str:
    return format(valor, "f")


def _yaml(aspirantes: Sequence[Aspirante]) -> str:
    lines = [f"# Generado por examples/asignacion/generar.py (semilla {SEMILLA}); no lo edite a mano.",
             "# Concurso ficticio de seis CER (Tabla 1, prerrequisito Medicina Interna, grado 2).",
             f"convocatoria: {CONVOCATORIA}", "concursos:"]
    for cer in CERS:
        lines += [f"  - cer: {cer.nombre}", "    sedes:"]
        for s in cer.sedes:
            nombre = HOSPITALES[s.clave][0]
            lines.append(f'      - {{clave: {s.clave}, plazas: {s.plazas}, nombre: "{nombre}"}}')
        lines.append("    aspirantes:")
        for a in aspirantes:
            if a.cer != cer.nombre:
                continue
            campos = [f'folio: "{a.folio}"', f"efiser: {_numero(a.efiser)}",
                      f"promedio_posgrado: {_numero(a.promedio_posgrado)}", f"enarm: {_numero(a.enarm)}"]
            if a.puntaje_adicional is not None:
                campos.append(f"puntaje_adicional: {_numero(a.puntaje_adicional)}")
            campos.append(f"opciones: [{', '.join(a.opciones)}]")
            lines.append(f"      - {{{', '.join(campos)}}}")
    return "\n".join(lines) + "\n"


def _csv(filas: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(filas)
    return out.getvalue()


def _sedes_csv() -> str:
    """By clave, then CER: the CERs come interleaved, in another order than in the YAML file."""
    filas = sorted(((c.nombre, s.clave, str(s.plazas), HOSPITALES[s.clave][0]) for c in CERS
                    for s in c.sedes), key=lambda f: (f[1], f[0]))
    return _csv([("cer", "clave", "plazas", "nombre"), *filas])


def _aspirantes_csv(aspirantes: Iterable[Aspirante]) -> str:
    """By folio, every CER mixed."""
    filas = [(a.folio, a.cer, _numero(a.efiser), _numero(a.promedio_posgrado), _numero(a.enarm),
              "" if a.puntaje_adicional is None else _numero(a.puntaje_adicional), "|".join(a.opciones))
             for a in sorted(aspirantes, key=lambda a: folio_key(a.folio))]
    return _csv([("folio", "cer", "efiser", "promedio_posgrado", "enarm", "puntaje_adicional", "opciones"),
                 *filas])


def _publicado_csv(publicado: dict[str, str | None]) -> str:
    filas = [(folio, publicado[folio] or "") for folio in sorted(publicado, key=folio_key)]
    return _csv([("folio", "sede"), *filas])


def _escribir(path: Path, texto: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(texto, encoding="utf-8", newline="\n")


def _comprobar(directorio: Path) -> None:
    """Stop if the files written do not show what the docstring promises."""
    yaml = replay(directorio / YAML)
    tabla = replay(directorio / DIRECTORIO_CSV, convocatoria=CONVOCATORIA)
    if (yaml.asignacion.entrada_sha256, yaml.asignacion.sede_de()) != (
            tabla.asignacion.entrada_sha256, tabla.asignacion.sede_de()):
        raise SystemExit("el YAML y el directorio CSV no dan la misma entrada")
    decisivos = {e.separaciones[0].criterio for e in yaml.asignacion.empates if e.decisivo}
    todos = {e.separaciones[0].criterio for e in yaml.asignacion.empates}
    if not {Criterio.EFISER, Criterio.FOLIO} <= decisivos or Criterio.PROMEDIO_POSGRADO not in todos:
        raise SystemExit(f"faltan los empates sembrados: {yaml.asignacion.empates}")
    auditoria = replay(directorio / YAML, esperado=directorio / PUBLICADO)
    forma = {(d.tipo, d.folios) for d in auditoria.discrepancias}
    if forma != DISCREPANCIAS_ESPERADAS:
        raise SystemExit(f"discrepancias inesperadas: {sorted(forma)}; con estos datos sirven "
                         f"INTERCAMBIO en {candidatos_intercambio(yaml.asignacion, INTERCAMBIO_CER)} y "
                         f"SIN_ASIGNAR en {candidatos_sin_asignar(yaml.asignacion, SIN_ASIGNAR_CER)}")


def main(directorio: Path = DIRECTORIO) -> None:
    """Write the example's files into ``directorio`` (by default, this script's own) and check them."""
    aspirantes = generar()
    _escribir(directorio / YAML, _yaml(aspirantes))
    _escribir(directorio / DIRECTORIO_CSV / "sedes.csv", _sedes_csv())
    _escribir(directorio / DIRECTORIO_CSV / "aspirantes.csv", _aspirantes_csv(aspirantes))
    asignacion = replay(directorio / YAML).asignacion
    _escribir(directorio / PUBLICADO, _publicado_csv(publicar(asignacion)))
    _comprobar(directorio)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DIRECTORIO)
