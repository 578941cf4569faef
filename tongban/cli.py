"""The `tongban` command.

    tongban demo [--port 8000] [--data-dir var/demo]   fresh demo city on SQLite, served locally
    tongban load-demo [--force]                        migrate and load the demo city into DATABASE_URL
    tongban import-matters FILE.xlsx                   import an implementation list (exit 1 on errors)
    tongban export-matters FILE.xlsx                   export the implementation list
    tongban <django command> ...                       anything else goes to Django (migrate, db_worker, …)

Settings are read from the environment when Django starts, so every sub-command fixes its
environment (data dir, database) before importing anything from Django.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

SETTINGS = "tongban.settings"
DEMO_DB = "tongban.sqlite3"


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    commands = {"demo": demo, "load-demo": load_demo_into_database, "import-matters": import_matters,
                "export-matters": export_matters}
    if not argv or argv[0] in ("-h", "--help"):
        print("\n\n".join(__doc__.strip().split("\n\n")[:2]))
        print("\n`tongban help` 列出全部 Django 管理命令。")
        return 0
    if argv and argv[0] in commands:
        try:
            code = commands[argv[0]](argv[1:])
        except KeyboardInterrupt:
            code = 130  # stopped with Ctrl-C before the servers started
        if code:
            # `python -m tongban` ignores main()'s return value; the exit status must still say it failed.
            sys.exit(code)
        return 0
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tongban", *argv])
    return 0


# -- demo --------------------------------------------------------------------------------------

def demo(argv) -> int:
    parser = argparse.ArgumentParser(prog="tongban demo", description="用演示城市（云川市）启动一体化政务服务平台")
    parser.add_argument("--port", type=int, default=8000, help="监听端口（默认 8000）")
    parser.add_argument("--data-dir", default="var/demo", help="数据目录（默认 ./var/demo，每次启动重建）")
    parser.add_argument("--no-serve", action="store_true", help="只建库和加载演示数据，不启动服务")
    parser.add_argument("--matters", default="",
                        help="只加载这些事项数据模块（逗号分隔，如 matters_sample）；默认加载全部 matters_*.py")
    args = parser.parse_args(argv)

    if not _port_free(args.port):
        print(f"端口 {args.port} 已被占用，请用 --port 指定其他端口。", file=sys.stderr)
        return 1
    data_dir = Path(args.data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    site_url = f"http://127.0.0.1:{args.port}"
    # The demo is always a fresh SQLite file in the data dir, whatever DATABASE_URL the shell has:
    # a demo must never wipe or fill a real database.
    if os.environ.get("DATABASE_URL"):
        print("提示：演示模式忽略 DATABASE_URL，使用数据目录中的 SQLite 数据库。")
    os.environ.update({
        "TONGBAN_DATA_DIR": str(data_dir),
        "DATABASE_URL": f"sqlite:///{data_dir / DEMO_DB}",
        "TONGBAN_SITE_URL": site_url,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
    })
    for suffix in ("", "-wal", "-shm", "-journal"):
        (data_dir / f"{DEMO_DB}{suffix}").unlink(missing_ok=True)

    import django
    from django.core.management import call_command

    django.setup()
    print(f"数据目录：{data_dir}")
    print("建立数据库…", flush=True)
    _migrate(data_dir / DEMO_DB)
    print("加载演示城市（云川市）…", flush=True)
    from tongban.demo.loader import load_demo

    modules = [m.strip() for m in args.matters.split(",") if m.strip()] or None
    summary = load_demo(stdout=sys.stdout, modules=modules)
    call_command("collectstatic", interactive=False, verbosity=0)
    _print_accounts(summary, site_url)
    if args.no_serve:
        return 0
    return _serve(args.port, data_dir)


def _migrate(db: Path) -> None:
    """A fresh schema for the demo database. Every start rebuilds the demo, and running the
    migrations is most of a quick start's time, so the migrated empty database is kept in the user's
    cache under a key of every migration file and the Django version, and copied when it matches."""
    import hashlib
    import shutil

    import django
    from django.core.management import call_command
    from django.db import connection

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(django.get_version().encode())
    for path in sorted(root.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tongban"
    schema = cache / f"demo-schema-{digest.hexdigest()[:20]}.sqlite3"
    if schema.exists():
        shutil.copyfile(schema, db)
        return
    call_command("migrate", interactive=False, verbosity=0)
    with connection.cursor() as cursor:  # everything in the main file, so one copy holds it all
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        partial = schema.with_suffix(f".{os.getpid()}.tmp")
        shutil.copyfile(db, partial)
        partial.replace(schema)  # atomic: a concurrent start never copies half a file
    except OSError:
        pass  # no writable cache (read-only home): the next start migrates again


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _print_accounts(summary: dict, site_url: str) -> None:
    rows = [("角色", "用户名", "密码", "范围")] + [
        (a["role"], a["username"], a["password"], a["scope"]) for a in summary["accounts"]]
    widths = [max(_width(r[i]) for r in rows) for i in range(3)]
    print()
    print(f"演示站点：{site_url}/    （管理后台：{site_url}/admin/，接口文档：{site_url}/api/v1/docs）")
    print(f"演示账号（密码均为 {summary['password']}，仅用于本地演示）：")
    for i, row in enumerate(rows):
        cells = [row[c] + " " * (widths[c] - _width(row[c])) for c in range(3)]
        print("  " + "  ".join(cells) + "  " + row[3])
        if i == 0:
            print("  " + "  ".join("-" * w for w in widths) + "  " + "-" * 8)
    second = summary.get("second_factor")
    if second:
        # Staff pass a second factor after the password (tongban/accounts/second_factor.py).
        print()
        print("工作人员登录第二步（双因素认证）：用手机身份验证器扫描下面的二维码，或手动输入密钥 "
              f"{second['secret']}；\n  也可输入备用验证码（每个账号每个码用一次）：{' '.join(second['backup_codes'])}")
        print(f"  {second['otpauth_url']}")
        from tongban.core import qr

        print(qr.terminal(second["otpauth_url"]), end="")
    print(flush=True)


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _server_command(port: int) -> list[str]:
    try:
        from gunicorn.config import KNOWN_SETTINGS
    except ImportError:
        # Django's development server; whitenoise still serves the collected static files.
        return [sys.executable, "-m", "tongban", "runserver", "--noreload", f"127.0.0.1:{port}"]
    # Threads rather than processes: SQLite takes one writer at a time anyway.
    command = [sys.executable, "-m", "gunicorn", "tongban.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", "1", "--threads", "4", "--access-logfile", "-", "--graceful-timeout", "5",
               # ID and mobile numbers in request lines are masked (gunicorn.conf.py does the same).
               "--logger-class", "tongban.core.access_log.MaskingLogger"]
    if any(s.name == "control_socket_disable" for s in KNOWN_SETTINGS):
        # Newer gunicorn opens a control socket in ~/.gunicorn shared by every instance; a demo needs none.
        command.append("--no-control-socket")
    return command


def _serve(port: int, data_dir: Path) -> int:
    env = dict(os.environ)
    worker = subprocess.Popen([sys.executable, "-m", "tongban", "db_worker"], env=env)
    # The scheduler enqueues the periodic sweeps (deadline reminders, notification retries, tracking).
    scheduler = subprocess.Popen([sys.executable, "-m", "tongban", "run_scheduler"], env=env)
    server = subprocess.Popen(_server_command(port), env=env)
    children = [server, worker, scheduler]
    print(f"后台任务进程 {worker.pid}，定时任务进程 {scheduler.pid}，网站进程 {server.pid}；按 Ctrl-C 停止。",
          flush=True)

    def _stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    code = 0
    try:
        while all(p.poll() is None for p in children):
            time.sleep(0.5)
        code = next(p.returncode for p in children if p.returncode is not None) or 1
        print("子进程意外退出，正在停止演示。", file=sys.stderr)
    except KeyboardInterrupt:
        print("\n正在停止…", flush=True)
    finally:
        for p in children:
            if p.poll() is None:
                p.terminate()
        deadline = time.monotonic() + 10
        for p in children:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    return code


# -- load-demo: the demo city in any database ----------------------------------------------------

def load_demo_into_database(argv) -> int:
    parser = argparse.ArgumentParser(
        prog="tongban load-demo",
        description="建库（migrate）并把演示城市（云川市）加载到 DATABASE_URL 指向的数据库（PostgreSQL 或 SQLite）；"
                    "文件写入所配置的存储（TONGBAN_STORAGE）")
    parser.add_argument("--force", action="store_true",
                        help="数据库中已有账号时也加载（演示数据与已有数据并存，已加载的部分不会重复）")
    parser.add_argument("--matters", default="",
                        help="只加载这些事项数据模块（逗号分隔，如 matters_sample）；默认加载全部 matters_*.py")
    args = parser.parse_args(argv)
    _setup_django()
    from django.core.management import call_command
    from django.db import connection

    from tongban.demo.loader import database_has_accounts, load_demo

    where = f"{connection.vendor} 数据库 {connection.settings_dict['NAME']}"
    if connection.settings_dict.get("HOST"):
        where += f"（{connection.settings_dict['HOST']}:{connection.settings_dict.get('PORT') or '默认端口'}）"
    # The demo accounts share one published password: never mix them into a real installation by accident.
    if database_has_accounts() and not args.force:
        print(f"{where} 中已有账号，未加载演示数据。演示账号的密码是公开的，切勿加载到正式环境；"
              "确需在已有数据旁加载，请加 --force。", file=sys.stderr)
        return 1
    print(f"目标：{where}")
    print("建库（migrate）…", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    print("加载演示城市（云川市）…", flush=True)
    modules = [m.strip() for m in args.matters.split(",") if m.strip()] or None
    summary = load_demo(stdout=sys.stdout, modules=modules)
    from django.conf import settings

    _print_accounts(summary, settings.TONGBAN["SITE_URL"])
    return 0


# -- catalogue import/export -------------------------------------------------------------------

def _setup_django() -> None:
    import django

    django.setup()


def import_matters(argv) -> int:
    parser = argparse.ArgumentParser(prog="tongban import-matters", description="导入政务服务事项实施清单（Excel）")
    parser.add_argument("file", help="Excel 文件（.xlsx）")
    args = parser.parse_args(argv)
    if not Path(args.file).is_file():
        print(f"文件不存在：{args.file}", file=sys.stderr)
        return 2
    _setup_django()
    from tongban.catalog.excel import import_matters_file

    try:
        report = import_matters_file(args.file)
    except Exception as exc:  # the file's own problems come back in the report; this is anything else
        print(f"导入出错，文件中的数据均未写入：{type(exc).__name__}：{exc}", file=sys.stderr)
        return 1
    print(report)
    return 0 if _report_ok(report) else 1


def _report_ok(report) -> bool:
    ok = getattr(report, "ok", None)
    if ok is None and isinstance(report, dict):
        ok = report.get("ok", not report.get("errors"))
    if ok is None:
        ok = not getattr(report, "errors", None)
    return bool(ok)


def export_matters(argv) -> int:
    parser = argparse.ArgumentParser(prog="tongban export-matters", description="导出政务服务事项实施清单（Excel）")
    parser.add_argument("file", help="要写入的 Excel 文件（.xlsx）")
    args = parser.parse_args(argv)
    _setup_django()
    from tongban.catalog.excel import export_matters_file

    try:
        rows = export_matters_file(args.file)
    except OSError as exc:
        print(f"无法写入文件 {args.file}：{exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"已导出 {rows} 条实施清单到 {args.file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
