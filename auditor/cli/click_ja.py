"""Typer's and Click's own words in Japanese: --help's headings and frame, and usage errors.

Typer's copy of Click writes its words as English literals (Typer's own code asks gettext),
so a Japanese run puts its words (the frame.* keys of auditor.wording) where they are said:
gettext for Typer, the usage line, the --help and completion options, and the two `show`s
that print a usage error. A message is matched against Click's English templates, part by
part, and said again in Japanese; what no template matches stays as it is. The exit codes
are Click's own: 2 for a usage error.
"""

from __future__ import annotations

import functools
import re
from string import Formatter
from typing import IO, Any

from auditor.wording import say, template

# The texts Typer passes to gettext.
_GETTEXT = ("frame.arguments", "frame.options", "frame.commands", "frame.default",
            "frame.required", "frame.env_var", "frame.dynamic", "frame.aborted",
            "frame.missing_command", "frame.no_such_command")
# Click's error messages, the ones that wrap another first.
_ERRORS = ("frame.did_you_mean", "frame.possible", "frame.invalid_value_for",
           "frame.invalid_value", "frame.missing_argument", "frame.missing_option",
           "frame.missing_parameter", "frame.no_such_option", "frame.no_such_command",
           "frame.extra", "frame.no_value", "frame.needs_one", "frame.needs_many",
           "frame.not_one_of", "frame.not_valid", "frame.out_of_range")
_KINDS = {"integer": "frame.kind.integer", "int range": "frame.kind.integer",
          "float": "frame.kind.float", "float range": "frame.kind.float",
          "boolean": "frame.kind.boolean", "path": "frame.kind.path"}
_OPTIONS = ("frame.help", "frame.install_completion", "frame.show_completion")


def gettext(message: str) -> str:
    """Typer's gettext: the Japanese of each English text it asks for."""
    return next((template(key, "ja") for key in _GETTEXT if template(key, "en") == message),
                message)


@functools.cache
def _pattern(key: str) -> re.Pattern[str]:
    """Click's English message as a pattern, each value a group."""
    parts = Formatter().parse(template(key, "en"))
    return re.compile("".join(re.escape(literal) + (f"(?P<{name}>.*?)" if name else "")
                              for literal, name, _, _ in parts) + r"\Z", re.DOTALL)


def _fill(key: str, values: dict[str, str]) -> str:
    """The Japanese template filled with values as they were shown (no repr taken again)."""
    return "".join(literal + (values[name] if name else "")
                   for literal, name, _, _ in Formatter().parse(template(key, "ja")))


def japanese(message: str) -> str:
    """A message of Click's in Japanese, part by part; what no template matches stays."""
    for key in _ERRORS:
        found = _pattern(key).match(message)
        if found is None:
            continue
        values = {name: japanese(value) for name, value in found.groupdict().items()}
        if "kind" in values and values["kind"] in _KINDS:
            values["kind"] = template(_KINDS[values["kind"]], "ja")
        return _fill(key, values)
    return message


def _show_error(self: Any, file: IO[Any] | None = None) -> None:
    """ClickException.show, in Japanese."""
    from typer._click._compat import get_text_stderr
    from typer._click.utils import echo

    echo(say("frame.error", "ja", message=japanese(self.format_message())),
         file=file or get_text_stderr(), color=self.show_color)


def _show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
    """UsageError.show, in Japanese: the usage line, where the help is, then the error."""
    from typer._click._compat import get_text_stderr
    from typer._click.utils import echo

    file = file or get_text_stderr()
    color = None
    if self.ctx is not None:
        color = self.ctx.color
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = say("frame.try", "ja", command=self.ctx.command_path,
                       option=self.ctx.help_option_names[0]) + "\n"
        echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
    echo(say("frame.error", "ja", message=japanese(self.format_message())), file=file,
         color=color)


def _in_japanese(param: Any) -> Any:
    """An option of Typer's or Click's own (--help, completion) with its help in Japanese."""
    for key in _OPTIONS:
        if param is not None and param.help == template(key, "en"):
            param.help = template(key, "ja")
            if key == "frame.install_completion":
                param.callback = _install_completion
    return param


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """Typer's --install-completion, saying what it did in Japanese."""
    import sys

    from typer._click.utils import echo
    from typer.completion import install

    if not value or ctx.resilient_parsing:
        return value
    shell, path = install(shell=value) if isinstance(value, str) else install()
    echo(say("frame.installed", "ja", shell=shell, path=path))
    echo(say("frame.restart", "ja"))
    sys.exit(0)


def install() -> None:
    """Put the Japanese words where Typer's copy of Click says its own (see the docstring)."""
    try:
        import typer.core
        import typer.main
        from typer._click import core, exceptions, formatting
    except ImportError:  # another Typer: its words stay English, its help still works
        return
    typer.core._ = gettext
    write_usage = formatting.HelpFormatter.write_usage
    formatting.HelpFormatter.write_usage = (  # type: ignore[method-assign]
        lambda self, prog, args="", prefix=None: write_usage(
            self, prog, args, template("frame.usage", "ja") if prefix is None else prefix))
    exceptions.ClickException.show = _show_error  # type: ignore[method-assign]
    exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    help_option = core.Command.get_help_option
    core.Command.get_help_option = (  # type: ignore[method-assign]
        lambda self, ctx: _in_japanese(help_option(self, ctx)))
    completion = typer.main.get_install_completion_arguments
    typer.main.get_install_completion_arguments = (  # type: ignore[assignment]
        lambda: tuple(_in_japanese(param) for param in completion()))
