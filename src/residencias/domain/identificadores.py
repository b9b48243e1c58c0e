"""What the identifier modules share: the error they raise when they refuse a value.

Each identifier lives in its own small module, in the manner of python-stdnum, with the same
verbs: ``compact`` (the canonical spelling, never refuses), ``validate`` (the canonical spelling,
or :class:`InvalidIdentifierError`) and ``is_valid`` (the same answer as a boolean):

- :mod:`residencias.domain.curp`, the Clave Única de Registro de Población;
- :mod:`residencias.domain.cuenta_unam`, the UNAM account number (and the provisional ``EM...``);
- :mod:`residencias.domain.contacto`, the telephone numbers and e-mail addresses of the
  "Solicitud de Inscripción".

The error says in Spanish which part of the value failed, and names it in ``parte`` so that a
program can react to it:

>>> err = InvalidIdentifierError("CURP", "BOXW3108", "longitud", "CURP 'BOXW3108' inválida: tiene 8")
>>> (err.tipo, err.identificador, err.parte)
('CURP', 'BOXW3108', 'longitud')
>>> str(err)
"CURP 'BOXW3108' inválida: tiene 8"
>>> isinstance(err, ResidenciasError)
True
"""

from __future__ import annotations

from residencias.errors import ResidenciasError

__all__ = ["InvalidIdentifierError"]


class InvalidIdentifierError(ResidenciasError):
    """An identifier refused, naming the part that failed.

    ``tipo`` says what the value should have been (``"CURP"``, ``"número de cuenta UNAM"``,
    ``"teléfono"``, ``"correo electrónico"``); ``identificador`` is the value as it was given;
    ``parte`` names the check that failed (``"longitud"``, ``"formato"``, ``"fecha"``,
    ``"estado"``, ``"sexo"``, ``"digito_verificador"``, ``"palabra_inconveniente"``, depending
    on the identifier); the message is one Spanish line.
    """

    def __init__(self, tipo: str, identificador: str, parte: str, mensaje: str) -> None:
        self.tipo = tipo
        self.identificador = identificador
        self.parte = parte
        self.mensaje = mensaje
        super().__init__(mensaje)

    def __reduce__(self) -> tuple[type[InvalidIdentifierError], tuple[str, str, str, str]]:
        return (type(self), (self.tipo, self.identificador, self.parte, self.mensaje))
