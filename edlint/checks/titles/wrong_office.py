"""``titles.wrong-office``: a title the person did not hold on the article's date."""
from __future__ import annotations

from edlint.core.findings import FixAvailability, FixSafety, RuleMeta, Severity

from .officeholder_rule import PEOPLE_FILES, OfficeholderRule


class WrongOffice(OfficeholderRule):
    meta = RuleMeta(
        id="titles.wrong-office",
        summary="A title the person did not hold on the article's date (or ever, when the article has no date).",
        severity=Severity.ERROR,
        options=(PEOPLE_FILES,),
        fix_safety='Unsafe: the suggested title (e.g. "president") for an editor to confirm.',
        fix=FixAvailability.SOMETIMES,
        fix_applicability=FixSafety.UNSAFE,
        docs="""## What it flags
A title given to a person who did not hold it on the article's date, checked
against the officeholder knowledge base (`edlint kb who NAME --date D`):
a title before a name (`Russian Prime Minister Vladimir Putin` in 2022),
apposition (`Vladimir Putin, Russia's prime minister,`) and a reference back
(`The Russian premier said …` after naming Putin, who was President; the
premier was Mikhail Mishustin). The message names the office the person held
on that date and who held the office the copy gave them.

## Why
Titles change with time and copy is reused: readers notice, and it
undermines the story.

## Limits
Without an article date (front matter `date`, or `--date`), only titles the
person never held are flagged. Past the date the knowledge base covers for a
country, nothing is claimed, and the report's "not checked" note says why for
each mention (the data ends on a date; the country has heads of state and
government but no ministers). Generic descriptions ("the Russian leader", "the
minister") are not checked. A bare surname before a title is skipped.

Namesakes (Pierre and Justin Trudeau, John Adams and John Quincy Adams, the
Bushes, the Aliyevs, the Bhuttos, the Gandhis) resolve to a person only when
the name in the copy (the full name, "Jr"/"Sr", "the elder") or the article's
date fits one of them; otherwise no claim is made. "Chancellor" is judged only
for someone who held a chancellorship the vocabulary can mean (of the
Exchequer, of Germany or Austria), never after an institution's name
("Oxford University Chancellor"); "Secretary of State" fits a US secretary of
state or a British one. Someone who left an office is `titles.former`'s
business.
""",
    )
