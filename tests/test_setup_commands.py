"""The README's two commands: what they show, what they install, and that a second run
installs nothing.

The install logic (scripts/venv.sh, scripts/setup-system.sh) runs here for real, in a copy
of the scripts, with stand-ins for the programs it calls (python, pip, dpkg-query,
apt-get) that record each call: no package is installed by the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = ["bash scripts/edition.sh", "bash scripts/test.sh"]


def _shell_lines(block: str) -> list[str]:
    return [line.split("#", 1)[0].strip() for line in block.splitlines()
            if line.split("#", 1)[0].strip()]


def test_the_readme_shows_the_two_commands_first():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block.start() > README.index("## The two commands")
    assert first_block.start() < README.index("## CLI reference")
    assert _shell_lines(first_block.group(1)) == COMMANDS


def test_ci_runs_the_readmes_test_command():
    assert _shell_lines((ROOT / ".ci" / "run").read_text())[-1] == COMMANDS[1]
    test_script = (ROOT / "scripts" / "test.sh").read_text()
    assert 'exec "$VENV/bin/python" -m pytest -n 2 -q' in test_script
    assert "`python -m pytest -n 2 -q`" in README  # what the README says it runs
    edition_script = (ROOT / "scripts" / "edition.sh").read_text()
    assert 'exec "$VENV/bin/tei-edition" build "$@"' in edition_script


# --- the virtual environment --------------------------------------------------------------

def _stand_ins(tmp_path: Path) -> tuple[Path, dict[str, str], Path]:
    """A copy of the scripts with a recording setup-system.sh, and a ``python3`` that makes
    a stand-in virtual environment whose python records every pip call."""
    root = tmp_path / "checkout"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "venv.sh", root / "scripts" / "venv.sh")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    log = tmp_path / "calls.log"
    (root / "scripts" / "setup-system.sh").write_text(f'echo system >> "{log}"\n')
    venv_python = textwrap.dedent(f"""\
        #!/bin/sh
        [ "$1" = "-c" ] && exit 0
        echo "venv-python $*" >> "{log}"
        """)
    python = tmp_path / "python3"
    python.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
          echo "make-venv $3" >> "{log}"
          mkdir -p "$3/bin"
          cat > "$3/bin/python" <<'EOF'
        {venv_python}EOF
          chmod +x "$3/bin/python"
          exit 0
        fi
        exec "{sys.executable}" "$@"
        """))
    python.chmod(0o755)
    env = {**os.environ, "PYTHON": str(python)}
    env.pop("TEI_EDITION_VENV", None)
    return root, env, log


def _ensure(root: Path, env: dict[str, str], extras: str) -> None:
    subprocess.run(["bash", "-c", f'source "{root}/scripts/venv.sh" && ensure_installed "{extras}"'],
                   env=env, check=True, capture_output=True, timeout=60)


def _calls(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if line != "system"]


def test_the_install_runs_once_and_again_only_when_pyproject_changes(tmp_path):
    root, env, log = _stand_ins(tmp_path)
    venv = root / ".venv"
    _ensure(root, env, "test")
    assert _calls(log) == [f"make-venv {venv}",
                           f"venv-python -m pip install --quiet --disable-pip-version-check "
                           f"-e {root}[test]"]
    log.write_text("")
    _ensure(root, env, "test")
    _ensure(root, env, "")  # the edition needs less than the tests installed
    assert _calls(log) == [] and log.read_text().count("system") == 2

    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "\n# a change\n")
    _ensure(root, env, "")
    assert _calls(log) == [f"venv-python -m pip install --quiet --disable-pip-version-check "
                           f"-e {root}"]
    log.write_text("")
    _ensure(root, env, "test")  # the edition's install lacks the test extras
    assert _calls(log) == [f"venv-python -m pip install --quiet --disable-pip-version-check "
                           f"-e {root}[test]"]


def test_a_broken_virtual_environment_is_made_again(tmp_path):
    root, env, log = _stand_ins(tmp_path)
    _ensure(root, env, "")
    (root / ".venv" / "bin" / "python").unlink()  # e.g. the Python it was made from is gone
    log.write_text("")
    _ensure(root, env, "")
    assert [c.split()[0] for c in _calls(log)] == ["make-venv", "venv-python"]


def test_too_old_a_python_is_refused_with_a_message(tmp_path):
    root, env, _ = _stand_ins(tmp_path)
    old = tmp_path / "python-old"
    old.write_text("#!/bin/sh\n[ \"$1\" = \"-V\" ] && echo 'Python 3.9.2' && exit 0\nexit 1\n")
    old.chmod(0o755)
    result = subprocess.run(["bash", "-c", f'source "{root}/scripts/venv.sh" && ensure_installed ""'],
                            env={**env, "PYTHON": str(old)}, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert "needs Python 3.11 or newer" in result.stderr and "3.9.2" in result.stderr


# --- the Debian packages ------------------------------------------------------------------

def _system(tmp_path: Path, missing: str, python_has_venv: bool = True) -> list[str]:
    """Run setup-system.sh with stand-ins for dpkg-query (reporting ``missing`` as not
    installed), apt-get and sudo; return the calls they recorded."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    log = tmp_path / "apt.log"
    log.write_text("")
    scripts = {
        "dpkg-query": f"""#!/bin/sh
            shift 2  # -W -f=FORMAT
            echo "dpkg-query $*" >> "{log}"
            for p in "$@"; do
              case " $MISSING " in *" $p "*) ;; *) printf 'ii  %s\\n' "$p" ;; esac
            done""",
        "apt-get": f'#!/bin/sh\necho "apt-get $*" >> "{log}"',
        "sudo": '#!/bin/sh\nexec "$@"',
        "python-stand-in": "#!/bin/sh\nexit 0" if python_has_venv else "#!/bin/sh\nexit 1",
    }
    for name, text in scripts.items():
        (bin_dir / name).write_text(textwrap.dedent(text))
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "MISSING": missing,
           "PYTHON": str(bin_dir / "python-stand-in")}
    subprocess.run(["bash", str(ROOT / "scripts" / "setup-system.sh")], env=env, check=True,
                   capture_output=True, timeout=60)
    return log.read_text().splitlines()


def test_system_packages_are_looked_up_once_and_installed_only_when_missing(tmp_path):
    calls = _system(tmp_path, missing="")
    assert len(calls) == 1 and calls[0].startswith("dpkg-query fonts-noto-core")
    assert "chromium" in calls[0] and "python3-venv" not in calls[0]

    calls = _system(tmp_path, missing="chromium poppler-utils")
    assert calls[1:] == ["apt-get update -qq",
                         "apt-get install -y -qq --no-install-recommends poppler-utils chromium"]


def test_python3_venv_is_installed_when_python_cannot_make_a_venv(tmp_path):
    calls = _system(tmp_path, missing="python3-venv", python_has_venv=False)
    assert calls[-1] == "apt-get install -y -qq --no-install-recommends python3-venv"


# --- the CI snippets ------------------------------------------------------------------------

def test_the_ci_snippets_name_refs_and_files_that_exist():
    """The pre-commit and Action examples work when copied: no release tag that was never
    made (there is none yet), no catalog file nobody has."""
    tags = set(subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True,
                              text=True).stdout.split())
    section = README[README.index("### Validation in CI and before commits"):
                     README.index("### `tei-edition serve")]
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    revs = re.findall(r"\brev:\s*(\S+)", section + hooks)
    uses = re.findall(r"uses: tei-edition/tei-edition@(\S+)", section)
    assert revs and uses
    for ref in revs + uses:
        assert ref == "main" or ref in tags, ref
    for text in (section, hooks, (ROOT / "action.yml").read_text()):
        for named in re.findall(r"--catalog[\s,]+(\S+?\.xml)\b", text):
            assert (ROOT / named).is_file(), f"the example names {named}, which nobody has"
    assert "tei-edition-validate" in hooks and "id: tei-edition-validate" in section
