"""``evaluate``: a person's facts go in, a :class:`Dictamen` comes out that says, rule by rule,
what holds, what fails, what is pending and what is missing, each with its article.

A fact that is absent is never read as false: a rule that needs it gives ``falta_dato`` naming it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from residencias.calendars.calendario import Calendario, instante_en
from residencias.domain import contacto, cuenta_unam, curp, instituciones
from residencias.domain.condiciones import Condicion, Evaluacion
from residencias.domain.convocatoria import Convocatoria
from residencias.domain.especialidades import Entrada, Especialidad
from residencias.domain.expediente import Expediente
from residencias.domain.fechas import fuera_de_rango
from residencias.domain.hechos import FACTS, read_fact
from residencias.domain.personas import Residente
from residencias.domain.plazos import Referencia
from residencias.domain.reglas import Excepcion, Regla, ResultadoExcepcion, TipoRegla
from residencias.domain.tipos import comprobar
from residencias.errors import InvalidQueryError
from residencias.rules.dictamen import Dictamen, Hallazgo, Resultado, overall
from residencias.rules.preasignacion import HECHO_SEDE, HECHO_SEDE_Y_SUBSEDE, comparar_sede
from residencias.text import extracto

__all__ = ["computed_facts", "evaluar_requisitos", "facts_decided_by_supuesto"]


def evaluar_requisitos(convocatoria: Convocatoria, hechos: Expediente, en: datetime) -> Dictamen:
    """Evaluate an expediente against a convocatoria's requirement list at instant ``en``, rule by
    rule. The process (what was done in time) is not taken into account here: that is
    :func:`residencias.process.evaluacion.evaluate`, which builds on this."""
    if not isinstance(convocatoria, Convocatoria):
        raise InvalidQueryError(f"'convocatoria' debe ser una Convocatoria (load_convocatoria), se "
                                f"recibió {type(convocatoria).__name__}")
    if not isinstance(hechos, Expediente):
        raise InvalidQueryError(f"'hechos' debe ser un Expediente (load_expediente), se recibió "
                                f"{type(hechos).__name__}")
    if not isinstance(en, datetime) or en.tzinfo is None or en.utcoffset() is None:
        raise InvalidQueryError(f"el instante de evaluación debe llevar zona horaria, p. ej. "
                                f"2026-03-10T12:00:00-06:00; se recibió {extracto(en)}")
    instante_en(en, ZoneInfo(convocatoria.zona_horaria.nombre))
    comprobar(hechos, "hechos")
    _dates_in_range(hechos)
    if hechos.convocatoria != convocatoria.id:
        raise InvalidQueryError(f"el expediente es para '{hechos.convocatoria}', no para '{convocatoria.id}'")
    if convocatoria.requisitos is None:
        raise InvalidQueryError(f"la convocatoria '{convocatoria.id}' no tiene requisitos en sus datos")
    calendario = Calendario.de(convocatoria)
    calculados = computed_facts(convocatoria, hechos, calendario)
    by_rule: dict[str, list[Excepcion]] = {}
    for excepcion in convocatoria.requisitos.excepciones:
        by_rule.setdefault(excepcion.sobre, []).append(excepcion)
    plegados = facts_decided_by_supuesto(convocatoria, hechos, calculados)
    hallazgos = []
    for regla in convocatoria.requisitos.reglas:
        finding = _declared(regla, _rule(regla, hechos, calculados, calendario, en), plegados)
        for excepcion in by_rule.get(regla.id, ()):
            finding = _exception(excepcion, finding, hechos, calculados)
        hallazgos.append(finding)
    found = tuple(hallazgos)
    return Dictamen(convocatoria.id, convocatoria.titulo, en, overall(found), found,
                    convocatoria.datos_sha256)


def _dates_in_range(hechos: Expediente) -> None:
    """Every date the expediente states lies in the supported range (a date in year 9999 is bad
    input, refused in one line, not an answer)."""
    for path, kind in FACTS.items():
        if kind is date and not path.startswith("calculado."):
            value = read_fact(hechos, path)
            if isinstance(value, date) and (problem := fuera_de_rango(value)) is not None:
                raise InvalidQueryError(f"{path}: {problem}")


def computed_facts(convocatoria: Convocatoria, hechos: Expediente,
                   calendario: Calendario | None = None) -> dict[str, Any]:
    """The ``calculado.*`` facts: those that can be computed from the facts given."""
    calendario = calendario if calendario is not None else Calendario.de(convocatoria)
    persona = hechos.aspirante
    out = _specialty_facts(convocatoria, persona)
    if persona.institucion is not None:
        es_imss = instituciones.reconocer(persona.institucion).es_imss
        if es_imss is not None:
            out["calculado.institucion_es_imss"] = es_imss
    if persona.numero_cuenta_unam is not None:
        out["calculado.numero_cuenta_unam_provisional"] = cuenta_unam.es_provisional(
            persona.numero_cuenta_unam)
    if persona.curp is not None:
        out["calculado.curp_valida"] = curp.is_valid(persona.curp)
    if persona.telefonos is not None:
        out["calculado.telefonos_completos"] = contacto.telefonos_completos(persona.telefonos)
    if persona.correos is not None:
        out["calculado.correos_completos"] = contacto.correos_completos(persona.correos)
    seleccion = _selection(hechos)
    valida = calendario.seleccion_dgces_valida(seleccion) if seleccion is not None else None
    if valida is not None:
        out["calculado.seleccion_dgces_en_calendario"] = valida
    for path, con_subsede in ((HECHO_SEDE, False), (HECHO_SEDE_Y_SUBSEDE, True)):
        coincide = comparar_sede(persona, con_subsede=con_subsede).coincide
        if coincide is not None:
            out[path] = coincide
    return out


def _specialty_facts(convocatoria: Convocatoria, persona: Residente) -> dict[str, Any]:
    """The facts read in the specialty catalogue and the CER tables. A call with a CER table (1.3)
    compares the CER and CEME against it: an unknown name is refused with the closest known ones
    (:class:`~residencias.errors.UnknownEspecialidadError`), never read as «not in Tabla 1»."""
    catalogo = convocatoria.especialidades
    out: dict[str, Any] = {}
    find = catalogo.resolver if convocatoria.tablas is not None else catalogo.buscar
    cer = find(persona.cer_solicitado) if persona.cer_solicitado else None
    ceme = find(persona.ceme) if persona.ceme else None
    a_cursar = catalogo.buscar(persona.especialidad_a_cursar) if persona.especialidad_a_cursar else cer
    entrada = _entrada(a_cursar)
    if entrada is not None:
        out["calculado.ingreso_indirecto"] = entrada is Entrada.INDIRECTA
    if cer is not None:
        out["calculado.cer_solicitado_id"] = cer.id
    if ceme is not None:
        out["calculado.ceme_id"] = ceme.id
    if convocatoria.tablas is not None and persona.cer_solicitado and persona.ceme and persona.grado:
        out["calculado.cer_en_tabla_1"] = convocatoria.cer_abierto(persona.cer_solicitado, persona.ceme,
                                                                   persona.grado)
        out["calculado.diploma_institucional_obligatorio"] = convocatoria.requiere_diploma(
            persona.cer_solicitado, persona.ceme)
    return out


def _entrada(especialidad: Especialidad | None) -> Entrada | None:
    return especialidad.entrada if especialidad is not None else None


def facts_decided_by_supuesto(convocatoria: Convocatoria, hechos: Expediente,
                              calculados: dict[str, Any] | None = None) -> frozenset[str]:
    """The computed facts whose value, for these facts, was decided by a choice of the library:
    names equal only once accents, case and punctuation are folded; an institution recognised
    from the way it is written; the form of entry read from the library's specialty catalogue. A
    rule that reads one reports its ``supuesto``. Only facts that were computed count."""
    calculados = calculados if calculados is not None else computed_facts(convocatoria, hechos)
    persona = hechos.aspirante
    out = set()
    for path, con_subsede in ((HECHO_SEDE, False), (HECHO_SEDE_Y_SUBSEDE, True)):
        if comparar_sede(persona, con_subsede=con_subsede).plegado:
            out.add(path)
    if persona.institucion is not None and not instituciones.reconocer(persona.institucion).exacto:
        out.add("calculado.institucion_es_imss")
    out.add("calculado.ingreso_indirecto")
    return frozenset(p for p in out if p in calculados)


def _declared(regla: Regla, finding: Hallazgo, plegados: frozenset[str]) -> Hallazgo:
    """The finding with what the data declares about it: the consequence the document gives for
    failing the rule, and the rule's ``supuesto`` when a fact it read was decided by it."""
    razon, parametros = finding.razon, finding.parametros
    if regla.consecuencia is not None and finding.resultado is Resultado.NO_CUMPLE:
        razon += f"; consecuencia ({regla.consecuencia.articulo}): {regla.consecuencia.texto}"
        parametros += (("consecuencia", regla.consecuencia.efecto.value),
                       ("articulo_consecuencia", regla.consecuencia.articulo))
    read = {path for path, _ in finding.hechos}
    if regla.supuesto is not None and read & plegados:
        razon += f" [supuesto: {regla.supuesto}]"
        parametros += (("supuesto", regla.supuesto),)
    if razon == finding.razon:
        return finding
    return attrs.evolve(finding, razon=razon, parametros=parametros)


def _evidence(evaluacion: Evaluacion) -> str:
    shown = [f"{path} = {_show(value)}" for path, value in evaluacion.leidos if value is not None]
    return "; ".join(dict.fromkeys(shown))


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "sí" if value else "no"
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def _finding(regla: Regla, resultado: Resultado, razon: str, evaluacion: Evaluacion | None = None,
             faltan: tuple[str, ...] = (), vence: date | None = None,
             hechos: tuple[tuple[str, Any], ...] = ()) -> Hallazgo:
    read = hechos + (evaluacion.leidos if evaluacion is not None else ())
    return Hallazgo(regla.id, regla.articulo, resultado, razon, tuple(dict.fromkeys(read)), (),
                    faltan or (evaluacion.faltan if evaluacion is not None else ()), vence)


def _rule(regla: Regla, hechos: Expediente, calculados: dict[str, Any], calendario: Calendario,
          en: datetime) -> Hallazgo:
    applies_read: tuple[tuple[str, Any], ...] = ()
    if regla.aplica_si is not None:
        applies = regla.aplica_si.evaluar(hechos, calculados)
        applies_read = applies.leidos
        if applies.valor is False:
            return _finding(regla, Resultado.NO_APLICA, f"no aplica: {regla.descripcion}", applies)
        if applies.valor is None:
            return _finding(regla, Resultado.FALTA_DATO,
                            f"no se sabe si aplica ({regla.aplica_si.describir()}): {regla.mensaje}", applies)
    if regla.tipo is TipoRegla.SILENCIO:
        return _finding(regla, Resultado.FALTA_DATO, f"la convocatoria no lo dice: {regla.mensaje}",
                        hechos=applies_read)
    exempt: Evaluacion | None = None
    if regla.salvo is not None:
        exempt = regla.salvo.evaluar(hechos, calculados)
        if exempt.valor is True:
            return _finding(regla, Resultado.NO_APLICA, f"no aplica por su salvedad: {regla.descripcion}",
                            exempt, hechos=applies_read)
    main = regla.requisito.evaluar(hechos, calculados)
    read = applies_read + (exempt.leidos if exempt else ())
    finding = _outcome(regla, main, hechos, calculados, calendario, en, read)
    if finding.resultado is Resultado.NO_CUMPLE and exempt is not None and exempt.valor is None:
        return _finding(regla, Resultado.FALTA_DATO,
                        f"no se sabe si le alcanza la salvedad ({_describe(regla.salvo)}): {regla.mensaje}",
                        exempt, hechos=finding.hechos)
    return finding


def _describe(condicion: Condicion | None) -> str:
    return condicion.describir() if condicion is not None else ""


def _outcome(regla: Regla, main: Evaluacion, hechos: Expediente, calculados: dict[str, Any],
             calendario: Calendario, en: datetime, read: tuple[tuple[str, Any], ...]) -> Hallazgo:
    if main.valor is None:
        return _finding(regla, Resultado.FALTA_DATO, f"falta información: {regla.mensaje}", main, hechos=read)
    holds = main.valor if regla.tipo is not TipoRegla.PROHIBICION else not main.valor
    if holds:
        return _finding(regla, Resultado.CUMPLE, regla.mensaje, main, hechos=read)
    if regla.tipo is not TipoRegla.ALTERNATIVA:
        evidence = _evidence(main)
        found = f" (se encontró: {evidence})" if evidence else ""
        return _finding(regla, Resultado.NO_CUMPLE, f"{regla.mensaje}{found}", main, hechos=read)
    assert regla.alternativa is not None
    alternative = regla.alternativa.evaluar(hechos, calculados)
    both = read + main.leidos
    if alternative.valor is None:
        return _finding(regla, Resultado.FALTA_DATO, f"falta información: {regla.mensaje}", alternative,
                        hechos=both)
    if alternative.valor is False:
        return _finding(regla, Resultado.NO_CUMPLE,
                        f"{regla.mensaje}; tampoco se presentó la alternativa "
                        f"({regla.alternativa.describir()})",
                        alternative, hechos=both)
    return _pending(regla, alternative, hechos, calendario, en, both)


def _pending(regla: Regla, alternative: Evaluacion, hechos: Expediente, calendario: Calendario,
             en: datetime, read: tuple[tuple[str, Any], ...]) -> Hallazgo:
    if regla.plazo is None:
        return _finding(regla, Resultado.PENDIENTE, f"pendiente: {regla.mensaje}", alternative, hechos=read)
    plazo = next((p for p in calendario.plazos if p.accion is regla.plazo), None)
    if plazo is None:
        raise InvalidQueryError(f"la regla '{regla.id}' cita el plazo '{regla.plazo.value}', que el "
                                "calendario de la convocatoria no tiene")
    facts = {Referencia.SELECCION_DGCES: ("aspirante.constancia_enarm.fecha_seleccion_dgces",
                                          _selection(hechos)),
             Referencia.REGISTRO: ("aspirante.fecha_registro", hechos.aspirante.fecha_registro)}
    path, referencia = facts.get(plazo.referencia, (None, None))
    if path is not None and referencia is None:
        return _finding(regla, Resultado.PENDIENTE,
                        f"pendiente: {regla.mensaje}; la fecha límite depende de {path}, que falta",
                        alternative, faltan=(path,), hechos=read)
    try:
        ventana = calendario.plazo(regla.plazo, referencia=referencia)
    except InvalidQueryError as exc:
        return _finding(regla, Resultado.PENDIENTE,
                        f"pendiente: {regla.mensaje}; la fecha límite no se puede calcular: {exc}",
                        alternative, hechos=read)
    assert isinstance(ventana.hasta, date)
    vence = ventana.hasta
    params = (("plazo", regla.plazo.value), ("articulo_plazo", ventana.articulo))
    if en.astimezone(calendario.zona).date() > vence:
        finding = _finding(regla, Resultado.NO_CUMPLE,
                           f"{regla.mensaje}; venció el plazo el {vence.isoformat()} ({ventana.articulo})",
                           alternative, vence=vence, hechos=read)
    else:
        finding = _finding(regla, Resultado.PENDIENTE,
                           f"pendiente: {regla.mensaje}, a más tardar el {vence.isoformat()} "
                           f"({ventana.articulo})",
                           alternative, vence=vence, hechos=read)
    return Hallazgo(finding.regla, finding.articulo, finding.resultado, finding.razon, finding.hechos,
                    params, finding.faltan, finding.vence)


def _selection(hechos: Expediente) -> date | None:
    constancia = hechos.aspirante.constancia_enarm
    return constancia.fecha_seleccion_dgces if constancia is not None else None


def _exception(excepcion: Excepcion, base: Hallazgo, hechos: Expediente,
               calculados: dict[str, Any]) -> Hallazgo:
    if base.resultado in {Resultado.CUMPLE, Resultado.NO_APLICA}:
        return base
    cuando = excepcion.cuando.evaluar(hechos, calculados)
    read = tuple(dict.fromkeys(cuando.leidos))
    if cuando.valor is True:
        overrides = excepcion.resultado is ResultadoExcepcion.CUMPLE
        resultado = Resultado.CUMPLE if overrides else Resultado.NO_APLICA
        return Hallazgo(base.regla, f"{base.articulo}, salvo {excepcion.articulo}", resultado,
                        excepcion.mensaje, base.hechos + read, base.parametros, (), base.vence,
                        (*base.detalles, base))
    note = Hallazgo(excepcion.id, excepcion.articulo,
                    Resultado.FALTA_DATO if cuando.valor is None else Resultado.NO_APLICA,
                    f"excepción: {excepcion.descripcion}", read, (), cuando.faltan)
    if cuando.valor is None and base.resultado is Resultado.NO_CUMPLE:
        return Hallazgo(base.regla, base.articulo, Resultado.FALTA_DATO,
                        f"{base.razon}; no se sabe si le alcanza la excepción de {excepcion.articulo}",
                        base.hechos + read, base.parametros, cuando.faltan, base.vence,
                        (*base.detalles, note))
    return Hallazgo(base.regla, base.articulo, base.resultado, base.razon, base.hechos, base.parametros,
                    base.faltan, base.vence, (*base.detalles, note))
