"""The dismissal remedies, by the Penal Code section the petition is filed under."""

from enum import StrEnum


class Remedy(StrEnum):
    PC_1203_4 = "1203.4"
    PC_1203_4A = "1203.4a"
    PC_1203_41 = "1203.41"
    PC_1203_42 = "1203.42"
    PC_1203_43 = "1203.43"
    PC_1203_49 = "1203.49"
