"""``edlint kb``: ask the officeholder knowledge base the questions a title check asks."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None)


def _date(value: Optional[str]) -> Optional[_dt.date]:
    from .cli import _parse_date  # one date parser for every command

    return _parse_date(value)


def _kb(config: Optional[Path] = None):
    """The knowledge base, with the house's own files when a config names them (as the titles rules see it)."""
    from .config import ConfigError, find_config, load_config
    from .knowledge.officeholders import KnowledgeBase
    from .yamlsource import DataError

    try:
        path = config or find_config(Path.cwd())
        cfg = load_config(path) if path else None
        return KnowledgeBase.load(_files(config, cfg))
    except (ConfigError, DataError) as exc:
        typer.echo(f"edlint: {exc}", err=True)
        raise typer.Exit(2) from None


def _files(config: Optional[Path], cfg=False) -> list[Path]:
    """The house's officeholder files named by the config (the titles rules' ``people_files``)."""
    if cfg is False:
        from .config import find_config, load_config

        path = config or find_config(Path.cwd())
        cfg = load_config(path) if path else None
    if cfg is None:
        return []
    names = cfg.settings_for("titles.wrong-office", None).get("people_files", [])
    return [(cfg.root / f).resolve() for f in names]


CONFIG = typer.Option(None, "--config", help="Use this edlint.toml (its titles people_files are added).")


def _span(t) -> str:
    return f"{t.start or '?'} – {t.end or f'(in office; data to {t.valid_to})'}"


@app.command()
def who(name: str = typer.Argument(..., help="A name as copy writes it: 'Sergei Lavrov', 'Zelensky', 'Sir Keir Starmer'."),
        date: Optional[str] = typer.Option(None, "--date", help="Only offices held on this date."),
        config: Optional[Path] = CONFIG) -> None:
    """Offices a person held (on a date): exact-name matches, with people of the same surname listed as near matches."""
    if not name.strip():
        typer.echo("edlint: kb who needs a name, e.g. edlint kb who 'Sergei Lavrov'", err=True)
        raise typer.Exit(2)
    day = _date(date)
    every, near = _kb(config).lookup(name)
    terms = [t for t in every if t.holds_on(day) is not False] if day else every
    if not terms:
        if every:
            last = max(every, key=lambda t: t.end or "9999")
            typer.echo(f"{last.person} held no office in the data on {day}; last: {last.office} {_span(last)}")
        else:
            typer.echo(f"no officeholder called {name!r}")
        _near(near)
        raise typer.Exit(1)
    for t in sorted(terms, key=lambda t: (t.person, t.start)):
        note = "" if not day or t.holds_on(day) else f"  (data ends {t.valid_to})"
        typer.echo(f"{t.person}: {t.office} ({t.country}, {t.kind.replace('_', ' ')}) {_span(t)}{note}")
    _near(near)


def _near(near) -> None:
    """People who share only the surname: shown as such, never as the answer."""
    people = sorted({t.person for t in near})
    if people:
        more = f" and {len(people) - 8} more" if len(people) > 8 else ""
        typer.echo(f"near matches (same surname, not the same name): {', '.join(people[:8])}{more}")


@app.command()
def office(label: str = typer.Argument(..., help="An office as its label or as copy writes it: 'President of Russia', 'Defence Secretary', 'German Chancellor'."),
           date: Optional[str] = typer.Option(None, "--date", help="Who held it on this date."),
           config: Optional[Path] = CONFIG) -> None:
    """Who held an office (on a date), found by its label or by the title words copy uses."""
    if not label.strip():
        typer.echo("edlint: kb office needs an office, e.g. edlint kb office 'Defence Secretary'", err=True)
        raise typer.Exit(2)
    kb = _kb(config)
    day = _date(date)
    terms = kb.holders(label, day)
    if not terms:
        terms = _by_title_words(kb, label, day, config)
    if not terms:
        known = [o for o in kb.office_names() if label.lower() in o.lower()][:10]
        typer.echo(f"nobody found for {label!r}" + (f" on {day}" if day else "") + (f"; offices like it: {'; '.join(known)}" if known else ""))
        raise typer.Exit(1)
    for t in sorted(terms, key=lambda t: (t.country, t.office, t.start)):
        typer.echo(f"{t.person}: {t.office} ({t.country}) {_span(t)}")


def _by_title_words(kb, label: str, day, config) -> list:
    """Offices that title words mean, as the titles check reads them ("British Defence Secretary", "chancellor of Germany")."""
    from .checks.titles.vocabulary import vocabulary

    voc = vocabulary(tuple(_files(config)))
    words = " ".join(label.split())
    country = None
    low = words.lower()
    for phrase in sorted(voc.countries, key=len, reverse=True):
        if low.startswith(phrase + " "):
            country, words = voc.countries[phrase], words[len(phrase) + 1 :]
            break
        if low.endswith(" " + phrase):
            country, words = voc.countries[phrase], words[: -len(phrase) - 1]
            break
    titles = voc.titles_for(words)
    if not titles:
        return []
    pool = kb.in_country(country) if country else kb.terms
    return [t for t in pool if any(title.fits(t, country) for title in titles) and (day is None or t.holds_on(day))]


@app.command()
def info(config: Optional[Path] = CONFIG) -> None:
    """What the knowledge base holds, its sources, and how far each is valid."""
    kb = _kb(config)
    typer.echo(f"{len(kb.terms)} terms of office, {len(kb.people)} people, {len(kb.offices)} offices")
    by_repo: dict[tuple, int] = {}
    for t in kb.terms:
        key = (t.source.split("/")[0], t.licence)
        by_repo[key] = by_repo.get(key, 0) + 1
    for (repo, lic), n in sorted(by_repo.items()):
        typer.echo(f"  {repo} ({lic}): {n} terms")
    if kb.extra_terms:
        houses = sorted({t.source for t in kb.extra_terms})
        people = len({t.person for t in kb.extra_terms})
        typer.echo(f"house files: {people} people, {len(kb.extra_terms)} terms ({'; '.join(houses)})")
    cov = kb.coverage()
    typer.echo("data complete to (by country, sample): " + ", ".join(f"{c} {cov[c]}" for c in ("United Kingdom", "United States", "Russia", "Ukraine", "Germany") if c in cov))
    typer.echo("Sources: Wikidata (CC0); Institute for Government Ministers Database (CC BY 4.0); congress-legislators (CC0). See NOTICE.")
