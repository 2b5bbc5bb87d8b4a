#!/usr/bin/env python3
"""The service as people use it, in a real headless Chromium (Debian's chromium + chromium-driver,
python3-selenium): the administrator sets up users, each role logs in through the login page,
an organisation uploads its data and reads the findings, orders its package, downloads and opens
it; the municipality runs its batch and sees the charts; the inspector downloads the act; the
ruleset editor tries a draft. A screenshot of every page is kept (desktop and phone width) in
--out for people to look at.

Usage: browser_test.py --cli build/test/nastavnik --out DIR
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from http.cookiejar import CookieJar

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "browser-test-password-1"

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Api:
    """The JSON API with a session, for setting up the world quickly."""

    def __init__(self, base):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = ""

    def call(self, path, data=None):
        body = None if data is None else json.dumps(data).encode()
        req = urllib.request.Request(self.base + "/api" + path, data=body, method="POST" if data is not None else "GET")
        req.add_header("Content-Type", "application/json")
        if self.csrf:
            req.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(req, timeout=60) as r:
            return json.loads(r.read().decode())

    def upload(self, path, file_name, content, fields=None):
        boundary = "----nastavnik-browser-test"
        body = b""
        for k, v in (fields or {}).items():
            body += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k, v)).encode()
        body += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                 "Content-Type: application/json\r\n\r\n" % (boundary, file_name)).encode() + content
        body += ("\r\n--%s--\r\n" % boundary).encode()
        req = urllib.request.Request(self.base + "/api" + path, data=body, method="POST")
        req.add_header("Content-Type", "multipart/form-data; boundary=" + boundary)
        req.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(req, timeout=60) as r:
            return json.loads(r.read().decode())

    def login(self, login, password):
        answer = self.call("/login", {"login": login, "password": password})
        self.csrf = answer["csrf"]
        return answer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.chrome.service import Service as ChromeService
    from selenium.webdriver.support.ui import WebDriverWait

    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    work = tempfile.mkdtemp(prefix="nastavnik-browser-")
    data = os.path.join(work, "data")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    common = ["--data", data, "--data-dir", ROOT]
    out = subprocess.run([args.cli, "serve", "--create-admin", "admin"] + common, capture_output=True, text=True, check=True)
    one_time = out.stdout.strip().splitlines()[-1]
    # A second administrator sets the world up through the API; the first one meets the
    # one-time password in the browser.
    out = subprocess.run([args.cli, "serve", "--create-admin", "setup"] + common, capture_output=True, text=True, check=True)
    setup_password = out.stdout.strip().splitlines()[-1]
    server = subprocess.Popen([args.cli, "serve", "--listen", "127.0.0.1:%d" % port, "--as-of", "2026-11-22", "--quiet"] + common)
    driver = None
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login", timeout=1)
                break
            except OSError:
                time.sleep(0.1)

        # The world: through the API as the administrator.
        admin = Api(base)
        admin.login("setup", setup_password)
        admin.call("/password", {"current": setup_password, "new": PASSWORD, "repeat": PASSWORD})
        mun = admin.call("/admin/municipalities", {"name": "Бийск", "region": "Алтайский край"})["id"]
        org = admin.call("/admin/organisations", {"name": "МБОУ «СОШ № 1»", "municipality_id": str(mun)})["id"]
        org3 = admin.call("/admin/organisations", {"name": "МБУ ДО «ЦДТ № 3»", "municipality_id": str(mun)})["id"]
        org4 = admin.call("/admin/organisations", {"name": "МБДОУ «Детский сад № 4»", "municipality_id": str(mun)})["id"]
        admin.call("/admin/organisations", {"name": "МБУ ДО «ЦДТ № 5»", "municipality_id": str(mun)})
        users = {}
        for login, name, role, extra in [
            ("school", "МБОУ «СОШ № 1»", "organisation", {"organisation_id": str(org)}),
            ("cdt3", "МБУ ДО «ЦДТ № 3»", "organisation", {"organisation_id": str(org3)}),
            ("sad4", "МБДОУ «Детский сад № 4»", "organisation", {"organisation_id": str(org4)}),
            ("city", "Гребенщиков А.П.", "municipal", {"municipality_id": str(mun)}),
            ("inspector", "Петрова И.С.", "inspector", {}),
            ("lawyer", "Соколова Е.А.", "editor", {}),
        ]:
            answer = admin.call("/admin/users", dict({"login": login, "name": name, "role": role}, **extra))
            users[login] = (answer["id"], answer["password"])
        admin.call("/admin/assignments", {"user_id": str(users["inspector"][0]), "organisation_id": str(org)})
        # Each user sets a password of his own (the one-time one must be changed first).
        for login, (uid, temporary) in users.items():
            api = Api(base)
            api.login(login, temporary)
            api.call("/password", {"current": temporary, "new": PASSWORD, "repeat": PASSWORD})
            # Two other organisations of the city have sent their data already.
            for who, number, org_id in [("cdt3", "00003", org3), ("sad4", "00004", org4)]:
                if login == who:
                    with open(os.path.join(ROOT, "samples", "municipality-biysk", "org-%s.json" % number), "rb") as f:
                        api.upload("/orgs/%d/submissions" % org_id, "org-%s.json" % number, f.read(), {"year": "2026"})

        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--user-data-dir=" + os.path.join(work, "profile"), "--window-size=1280,900", "--lang=ru"]:
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                                  "download.prompt_for_download": False})
        driver = webdriver.Chrome(service=ChromeService(executable_path="/usr/bin/chromedriver"), options=options)
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        driver.set_page_load_timeout(60)
        shot_no = [0]

        def shot(name, phone=False):
            shot_no[0] += 1
            driver.set_window_size(1280, 900)
            height = driver.execute_script("return document.body.scrollHeight")
            driver.set_window_size(1280, min(max(height + 40, 600), 4000))
            driver.save_screenshot(os.path.join(args.out, "%02d-%s.png" % (shot_no[0], name)))
            if phone:
                driver.set_window_size(390, 844)
                height = driver.execute_script("return document.body.scrollHeight")
                driver.set_window_size(390, min(max(height + 40, 844), 4000))
                driver.save_screenshot(os.path.join(args.out, "%02d-%s-phone.png" % (shot_no[0], name)))
                wide = driver.execute_script("return document.documentElement.scrollWidth")
                check(wide <= 392, "%s fits a phone's width (%d px)" % (name, wide))
                driver.set_window_size(1280, 900)

        def submit(element):
            """Clicks a button or link that loads a new page, and waits for that page."""
            driver.execute_script("window.__leaving = true")
            element.click()
            # A new document has no mark; then wait for it to load.
            WebDriverWait(driver, 120).until(
                lambda d: d.execute_script("return window.__leaving !== true && document.readyState === 'complete'"))

        def login(name):
            driver.delete_all_cookies()
            driver.get(base + "/login")
            driver.find_element(By.NAME, "login").send_keys(name)
            driver.find_element(By.NAME, "password").send_keys(PASSWORD)
            submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
            check("/login" not in driver.current_url, name + " logged in (" + driver.current_url + ")")

        def wait_for(predicate, seconds=120):
            end = time.time() + seconds
            while time.time() < end:
                if predicate():
                    return True
                time.sleep(0.5)
            return False

        def downloaded(suffix, seconds=60):
            found = []

            def ready():
                found[:] = [f for f in os.listdir(downloads) if f.endswith(suffix)]
                return bool(found)
            wait_for(ready, seconds)
            return os.path.join(downloads, found[0]) if found else None

        def no_external_resources():
            urls = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)")
            return all(u.startswith(base) for u in urls)

        # The login page itself.
        driver.get(base + "/login")
        shot("login", phone=True)

        # Administrator: the one-time password leads to the password page first.
        driver.get(base + "/login")
        driver.find_element(By.NAME, "login").send_keys("admin")
        driver.find_element(By.NAME, "password").send_keys(one_time)
        submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
        check(driver.current_url.endswith("/password"), "a one-time password leads to the password page")
        shot("password", phone=True)
        driver.find_element(By.NAME, "current").send_keys(one_time)
        driver.find_element(By.NAME, "new").send_keys(PASSWORD)
        driver.find_element(By.NAME, "repeat").send_keys(PASSWORD)
        submit(driver.find_element(By.CSS_SELECTOR, "form[action='/password'] button"))
        check("Администрирование" in driver.page_source, "admin page after the password is changed")
        shot("admin", phone=True)
        driver.get(base + "/admin/audit")
        shot("audit")

        # Organisation: upload the data with errors, read the findings.
        login("school")
        check("/orgs/%d" % org in driver.current_url, "organisation lands on its page")
        shot("organisation-empty", phone=True)
        driver.find_element(By.PARTIAL_LINK_TEXT, "скачать пустую книгу").click()
        book = downloaded(".xlsx")
        check(book is not None and zipfile.is_zipfile(book), "blank workbook downloaded")
        driver.find_element(By.NAME, "file").send_keys(os.path.join(ROOT, "samples", "barnaul-school-42.json"))
        submit(driver.find_element(By.CSS_SELECTOR, "form[enctype] button"))
        check("Результат проверки" in driver.page_source, "findings page after upload")
        check("Основание:" in driver.page_source, "findings cite their clauses")
        check("Где исправить:" in driver.page_source, "findings name the place to fix")
        check(no_external_resources(), "no resource from elsewhere")
        shot("findings", phone=True)
        # Upload the corrected data; order the package.
        driver.get(base + "/orgs/%d" % org)
        # The corrected data as people send it: a filled workbook.
        filled = os.path.join(work, "СОШ № 1.xlsx")
        subprocess.run([args.cli, "workbook", "export", os.path.join(ROOT, "samples", "municipality-biysk", "org-00001.json"), filled],
                       check=True, capture_output=True)
        driver.find_element(By.NAME, "file").send_keys(filled)
        submit(driver.find_element(By.CSS_SELECTOR, "form[enctype] button"))
        check("соответствует" in driver.page_source, "the corrected data complies")
        shot("findings-compliant")
        submit(driver.find_element(By.XPATH, "//button[contains(., 'Сформировать пакет')]"))
        check(wait_for(lambda: (driver.refresh() or True) and "Скачать весь пакет" in driver.page_source), "package ready")
        shot("package", phone=True)
        driver.find_element(By.PARTIAL_LINK_TEXT, "Скачать весь пакет").click()
        zip_path = downloaded(".zip")
        check(zip_path is not None, "package downloaded")
        if zip_path:
            with zipfile.ZipFile(zip_path) as z:
                names = z.namelist()
                check(any(n.endswith(".pdf") for n in names) and any(n.endswith(".docx") for n in names), "package holds DOCX and PDF")
                check(z.testzip() is None, "package is a whole zip")
                pdf = next(n for n in names if n.endswith(".pdf"))
                target = os.path.join(work, "opened.pdf")
                with open(target, "wb") as f:
                    f.write(z.read(pdf))
                if shutil.which("pdftotext"):
                    text = subprocess.run(["pdftotext", target, "-"], capture_output=True, text=True).stdout
                    check("наставни" in text.lower(), "the package's PDF opens and reads in Russian")
                if shutil.which("pdftoppm"):
                    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", target,
                                    os.path.join(args.out, "%02d-package-first-pdf" % (shot_no[0] + 1))])
        driver.get(base + "/orgs/%d" % org)
        check("устранено" in driver.page_source, "history shows what the second upload fixed")
        shot("organisation-history", phone=True)

        # Inspector: the findings and the act.
        login("inspector")
        shot("inspections", phone=True)
        submit(driver.find_element(By.PARTIAL_LINK_TEXT, "Результат и справка"))
        shot("inspector-findings")
        driver.find_element(By.PARTIAL_LINK_TEXT, "(PDF)").click()
        act = downloaded(".pdf")
        check(act is not None and open(act, "rb").read(5) == b"%PDF-", "inspection act downloaded as PDF")

        # Municipality: its data, the batch with progress, charts, documents.
        login("city")
        shot("municipality-before", phone=True)
        driver.find_element(By.NAME, "file").send_keys(os.path.join(ROOT, "samples", "municipality-biysk", "municipality.json"))
        submit(driver.find_element(By.XPATH, "//form[contains(@action,'/data')]//button"))
        submit(driver.find_element(By.XPATH, "//button[contains(., 'Обработать все организации')]"))
        shot("batch-progress")
        check(wait_for(lambda: (driver.refresh() or True) and "Сводка.txt" in driver.page_source, 300), "batch done")
        shot("batch-done", phone=True)
        driver.find_element(By.PARTIAL_LINK_TEXT, ".csv").click()
        check(downloaded(".csv") is not None, "CSV table downloaded")
        driver.get(base + "/municipalities/%d?year=2026" % mun)
        charts = driver.find_elements(By.CSS_SELECTOR, "img.chart")
        check(len(charts) > 0, "charts of the analytical report shown")
        check(all(driver.execute_script("return arguments[0].naturalWidth", c) > 0 for c in charts), "charts load")
        shot("municipality-charts", phone=True)

        # Ruleset editor: a draft, its lint, tests, diff and replay.
        login("lawyer")
        shot("rulesets", phone=True)
        driver.find_element(By.NAME, "file").send_keys(os.path.join(ROOT, "samples", "ruleset-drafts", "federal-az-1128-1.1-draft.xml"))
        driver.execute_script("arguments[0].value = '2027-09-01'", driver.find_element(By.NAME, "as_of"))
        submit(driver.find_element(By.CSS_SELECTOR, "form[enctype] button"))
        check("Что меняется в правилах" in driver.page_source, "draft report")
        check("Последние сведения организаций, хранящиеся в сервисе: 3; сравнение на 01.09.2027" in driver.page_source, "replay over every stored organisation")
        shot("draft", phone=True)

        # A page that is refused, as a person sees it.
        driver.get(base + "/admin")
        check("Нет доступа" in driver.page_source, "an editor is refused the admin page")
        shot("refused")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
