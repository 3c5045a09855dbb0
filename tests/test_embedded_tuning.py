"""The embedded server's memory settings (portal.embedded_pg.tuning)."""
from portal.embedded_pg import TUNING_FILE, tuning, write_tuning


def test_tuning_is_sized_to_the_machine(monkeypatch):
    for key in ("SHARED_BUFFERS", "EFFECTIVE_CACHE_SIZE", "WORK_MEM"):
        monkeypatch.delenv(f"PORTAL_PG_{key}", raising=False)
    gib = 1024 ** 3
    assert tuning(16 * gib) == {"shared_buffers": "4096MB", "effective_cache_size": "12288MB", "work_mem": "16MB"}
    assert tuning(128 * gib)["shared_buffers"] == "8192MB"      # capped
    assert tuning(256 * 1024 ** 2)["shared_buffers"] == "128MB"  # never below the default
    monkeypatch.setenv("PORTAL_PG_SHARED_BUFFERS", "1GB")
    assert tuning(16 * gib)["shared_buffers"] == "1GB"


def test_write_tuning_includes_its_file_once(tmp_path):
    write_tuning(tmp_path)          # before initdb: nothing
    assert not (tmp_path / TUNING_FILE).exists()
    conf = tmp_path / "postgresql.conf"
    conf.write_text("shared_buffers = 128MB\n")
    write_tuning(tmp_path)
    write_tuning(tmp_path)
    assert conf.read_text().count(f"include_if_exists = '{TUNING_FILE}'") == 1
    assert "shared_buffers = '" in (tmp_path / TUNING_FILE).read_text()
