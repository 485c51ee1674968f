"""``edlint kb``: ask the officeholder knowledge base the questions a title check asks."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None)


def _date(value: str | None) -> _dt.date | None:
    from edlint.commands.options import parse_date  # one date parser for every command

    return parse_date(value)


def _kb(config: Path | None = None):
    """The knowledge base, with the house's own files when a config names them (as the titles rules see it)."""
    from edlint.io.config import find_config, load_config
    from edlint.io.errors import InputError
    from edlint.knowledge.officeholders import KnowledgeBase

    try:
        path = config or find_config(Path.cwd())
        cfg = load_config(path) if path else None
        return KnowledgeBase.load(_files(config, cfg))
    except InputError as exc:
        typer.echo(f"edlint: {exc}", err=True)
        raise typer.Exit(2) from None


def _files(config: Path | None, cfg=False) -> list[Path]:
    """The house's officeholder files: the titles rules' ``people_files``, then those in ``rule_dirs``."""
    if cfg is False:
        from edlint.io.config import find_config, load_config

        path = config or find_config(Path.cwd())
        cfg = load_config(path) if path else None
    if cfg is None:
        return []
    from edlint.core.kinds import house_paths

    names = cfg.settings_for("titles.wrong-office", None).get("people_files", [])
    return [(cfg.root / f).resolve() for f in names] + house_paths(cfg.rule_dirs, "officeholders")


CONFIG = typer.Option(None, "--config", help="Use this edlint.toml (its titles people_files are added).")


def _span(t) -> str:
    return f"{t.start or '?'} – {t.end or f'(in office; data to {t.valid_to})'}"


@app.command()
def who(name: str = typer.Argument(..., help="A name as copy writes it: 'Sergei Lavrov', 'Zelensky', "
                                         "'Sir Keir Starmer'."),
        date: str | None = typer.Option(None, "--date", help="Only offices held on this date."),
        config: Path | None = CONFIG) -> None:
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
def office(label: str = typer.Argument(..., help="An office as its label or as copy writes it: 'President of Russia', "
                                              "'Defence Secretary', 'German Chancellor'."),
           date: str | None = typer.Option(None, "--date", help="Who held it on this date."),
           config: Path | None = CONFIG) -> None:
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
        like = f"; offices like it: {'; '.join(known)}" if known else ""
        typer.echo(f"nobody found for {label!r}" + (f" on {day}" if day else "") + like)
        raise typer.Exit(1)
    for t in sorted(terms, key=lambda t: (t.country, t.office, t.start)):
        typer.echo(f"{t.person}: {t.office} ({t.country}) {_span(t)}")


def _by_title_words(kb, label: str, day, config) -> list:
    """Offices that title words mean, as the titles check reads them ("British Defence Secretary", "chancellor of Germany")."""  # noqa: E501 - the help text, one line
    from edlint.checks.titles.vocabulary import vocabulary

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
def info(config: Path | None = CONFIG,
         country: str | None = typer.Option(None, "--country",
                                            help="Coverage of one country only (e.g. Germany).")) -> None:
    """What the knowledge base holds, its sources, and how far each is valid, per country and office kind."""
    kb = _kb(config)
    if country:
        _coverage(kb, country)
        return
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
    sample = ("United Kingdom", "United States", "Russia", "Ukraine", "Germany")
    typer.echo("data complete to (by country, sample): " + ", ".join(f"{c} {cov[c]}" for c in sample if c in cov))
    _coverage(kb, None)
    typer.echo("Sources: Wikidata (CC0); Institute for Government Ministers Database (CC BY 4.0); "
               "congress-legislators (CC0). See NOTICE.")


_KINDS = (("head_of_state", "head of state"), ("head_of_government", "head of government"), ("minister", "ministers"))


def _coverage(kb, only: str | None) -> None:
    """One line per country: how far the data goes for each kind of office ('-' = none in the data)."""
    cov = kb.coverage_by_kind()
    rows = sorted(cov.items()) if only is None else [(c, k) for c, k in cov.items() if c.lower() == only.lower()]
    if only is not None and not rows:
        typer.echo(f"no country called {only!r} in the knowledge base")
        raise typer.Exit(1)
    typer.echo("coverage (data complete to) by country: " + " / ".join(label for _, label in _KINDS))
    for c, kinds in rows:
        cells = [(kinds[k] or "no limit") if k in kinds else "-" for k, _ in _KINDS]
        heads_only = "minister" not in kinds and any(k in kinds for k, _ in _KINDS[:2])
        note = "  (heads only: ministers not checked)" if heads_only else ""
        typer.echo(f"  {c}: " + " / ".join(cells) + note)


@app.command()
def query(office: str = typer.Option(..., "--office", help="heads (of state and government) or ministers."),
          country: str = typer.Option(..., "--country", help="Two-letter ISO code: DE, FR, JP.")) -> None:
    """Print the Wikidata query whose result `edlint kb import` reads (run it at the Wikidata Query Service)."""
    from edlint.knowledge.wikidata_import import ImportError_
    from edlint.knowledge.wikidata_import import query as build_query

    try:
        typer.echo(build_query(office, country), nl=False)
    except ImportError_ as exc:
        typer.echo(f"edlint: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command("import")
def import_(result: Path = typer.Argument(..., help="The query's result, downloaded as JSON or CSV."),
            valid_to: str | None = typer.Option(None, "--valid-to",
                                                help="The date the result is complete to (default: the file's date)."),
            into: Path | None = typer.Option(None, "--into", help="The house officeholder file to write "
                                             "(default: the first of the config's titles people_files)."),
            config: Path | None = CONFIG) -> None:
    """Write a Wikidata query result into the newsroom's own officeholder file, which `check` then reads."""
    from edlint.knowledge.wikidata_import import (
        ImportError_,
        merge,
        people,
        read_result,
    )

    def fail(msg: str) -> None:
        typer.echo(f"edlint: {msg}", err=True)
        raise typer.Exit(2)

    target = into
    if target is None:
        files = _files(config)
        if not files:
            fail("no house officeholder file: name one in [rules.titles] people_files, or pass --into FILE")
        target = files[0]
    try:
        day = _date(valid_to) if valid_to else _dt.date.fromtimestamp(result.stat().st_mtime)
    except OSError as exc:
        fail(f"{result}: cannot read it: {exc.strerror}")
    try:
        rows = read_result(result)
        new = people(rows, result, _country_names())
    except ImportError_ as exc:
        fail(str(exc))
    existing = {}
    if target.exists():
        from edlint.io.errors import InputError
        from edlint.knowledge.userdata import read

        try:
            existing = read(target.resolve())
        except InputError as exc:
            fail(f"{exc} (nothing written)")
    import yaml

    data = merge(existing, new, day.isoformat(), "Wikidata (CC0), via edlint kb import")
    text = ("# Officeholders of this newsroom; `edlint kb import` rewrites this file (comments are not kept).\n"
            + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120))
    target.parent.mkdir(parents=True, exist_ok=True)
    from edlint.io.atomic import write_file

    write_file(target, text.encode("utf-8"))  # all or nothing
    terms = sum(len(p["terms"]) for p in new)
    typer.echo(f"imported {len(new)} people, {terms} terms into {target} (valid to {day})")


def _country_names():
    """The knowledge base's name for a result's country: by the person's Wikidata id, else the label as given."""
    from edlint.knowledge.officeholders import KnowledgeBase

    kb = KnowledgeBase.load()
    known = None

    def country_of(qid: str, label: str) -> str:
        nonlocal known
        if known is None:
            known = {t.country for t in kb.shipped_terms}
        if label in known or not label:
            return label
        for t in kb.shipped_terms:
            if t.person_id == qid and t.kind in ("head_of_state", "head_of_government", "minister"):
                return t.country
        return label

    return country_of
