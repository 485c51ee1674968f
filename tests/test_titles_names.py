"""Names that are not one person: namesakes and fathers and sons, and office words with several meanings.

A mention resolves to a person only when the copy's name ("John Quincy Adams",
"George Bush Sr", "the elder") or the article's date fits one of them; an
office word ("Chancellor", "Secretary of State") is read by the words around
it and the offices the person held.
"""
from __future__ import annotations

import datetime as dt

import pytest

from edlint.api import lint_text

FLAGGED = [
    ("Canadian Prime Minister Pierre Trudeau spoke.", "2020-01-01", "Pierre Elliott Trudeau"),
    ("Trudeau, the Canadian foreign minister, spoke.", "2020-01-01", "Justin Trudeau"),  # the date picks the son
    ("US President John Quincy Adams spoke.", "1798-01-01", "John Quincy Adams"),  # his father was president
    ("US President George Bush Jr spoke.", "2012-01-01", "George W. Bush"),
    ("US President George Bush Sr spoke.", "2005-06-01", "George H. W. Bush"),
    ("US President George Bush, the elder, spoke.", "2005-06-01", "George H. W. Bush"),
    ("Aliyev, Azerbaijan's prime minister, spoke.", "2010-01-01", "Ilham Aliyev"),  # Heydar had died
    ("Pakistani Prime Minister Zulfikar Ali Bhutto spoke.", "1995-01-01", "Zulfikar Ali Bhutto"),
    ("Indian Prime Minister Indira Gandhi spoke.", "1986-01-01", "Indira Gandhi"),
    ("Gandhi, India's president, spoke.", "1986-01-01", "Rajiv Gandhi"),
    ("North Korean President Kim Jong Il spoke.", "2020-01-01", "Kim Jong-il"),
    ("Chancellor Rishi Sunak spoke.", "2023-06-01", "Rishi Sunak"),  # of the Exchequer, by his offices
    ("Chancellor Gordon Brown spoke.", "2008-06-01", "Gordon Brown"),
    ("Secretary of State Hillary Clinton spoke.", "2014-06-01", "Hillary Clinton"),
    ("US President John Adams spoke.", "1827-01-01", "John Adams"),  # the exact name: the father, not the son
    ("Pakistani Prime Minister Benazir Bhutto spoke.", "2000-01-01", "Benazir Bhutto"),
    ("Indian Prime Minister Rajiv Gandhi spoke.", "1995-01-01", "Rajiv Gandhi"),
    ("Azerbaijani President Heydar Aliyev spoke.", "2010-01-01", "Heydar Aliyev"),
]

NOT_FLAGGED = [
    ("Canadian Prime Minister Justin Trudeau spoke.", "2020-01-01"),
    ("Trudeau, the Canadian prime minister, spoke.", "2020-01-01"),  # Justin, by the date
    ("Trudeau, the Canadian prime minister, spoke.", "1975-01-01"),  # Pierre, by the date
    ("President John Adams spoke.", "1798-01-01"),
    ("US President John Quincy Adams spoke.", "1827-01-01"),
    ("US President George Bush spoke.", "2005-01-01"),  # only one Bush in office that day
    ("US President George Bush spoke.", "1990-01-01"),
    ("US President George Bush spoke.", "2012-01-01"),  # neither in office: which one? no claim
    ("US President George Bush Sr spoke.", "1990-01-01"),
    ("Aliyev, Azerbaijan's president, spoke.", "2000-01-01"),
    ("Bhutto, Pakistan's prime minister, spoke.", "1995-01-01"),
    ("Gandhi, India's prime minister, spoke.", "1986-01-01"),
    ("Gandhi, India's prime minister, spoke.", "1970-01-01"),
    ("North Korean President Kim Jong Un spoke.", "2020-01-01"),
    ("Chancellor Olaf Scholz spoke.", "2023-06-01"),  # Germany's, by his offices
    ("Chancellor Rishi Sunak spoke.", "2021-01-01"),
    ("Oxford University Chancellor Chris Patten spoke.", "2010-06-01"),  # a university's
    ("Chancellor Chris Patten spoke.", "2010-06-01"),  # never chancellor of a kind the data has
    ("Lord Chancellor Kenneth Clarke spoke.", "2010-06-01"),
    ("Secretary of State Ben Wallace spoke.", "2022-07-08"),  # a British secretary of state
    ("Secretary of State Hillary Clinton spoke.", "2010-06-01"),
    ("Speaker John Bercow spoke.", "2010-06-01"),
]


def people(sentence, day):
    return [f.data["person"] for f in lint_text(f"Head\n\n{sentence}\n", "a.txt", date=dt.date.fromisoformat(day),
                                                select=["titles"])]


def test_the_set_is_balanced():
    assert len(FLAGGED) + len(NOT_FLAGGED) >= 20
    assert abs(len(FLAGGED) - len(NOT_FLAGGED)) <= 4


@pytest.mark.parametrize("sentence,day,person", FLAGGED)
def test_flagged_and_resolved_to_the_right_person(sentence, day, person):
    assert people(sentence, day) == [person]


@pytest.mark.parametrize("sentence,day", NOT_FLAGGED)
def test_not_flagged(sentence, day):
    assert people(sentence, day) == []
