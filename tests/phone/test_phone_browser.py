"""The phone page in a real headless chromium: dial the example IVR, press 1, hang up.

Networking of the browser is limited to 127.0.0.1 (every other host name resolves to nothing
and any proxied request goes to a closed port), and Selenium Manager is kept offline: the
Debian ``chromium`` and ``chromium-driver`` packages must be installed (CI installs them); a
missing browser fails these tests rather than skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from phone_support import LEG, make_app, serve
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

from webhooks.phone import create_phone_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """Headless chromium, offline but for 127.0.0.1."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(
            f"missing {', '.join(missing)}: apt-get install -y chromium chromium-driver",
            pytrace=False,
        )
    offline = os.environ.get("SE_OFFLINE")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1440,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=127.0.0.1",
    ):
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    try:
        driver = webdriver.Chrome(service=service, options=options)
        try:
            yield driver
        finally:
            driver.quit()
    finally:
        if offline is None:
            del os.environ["SE_OFFLINE"]
        else:
            os.environ["SE_OFFLINE"] = offline


@pytest.fixture(scope="module")
def ivr_url() -> Iterator[str]:
    """The phone for ``examples.ivr:app``, served by uvicorn on 127.0.0.1."""
    phone = create_phone_app("examples.ivr:app")
    with serve(phone) as url:
        yield url
    phone.close()


@pytest.fixture(scope="module")
def test_app_url() -> Iterator[str]:
    """The phone for the test app of :mod:`phone_support`."""
    phone = create_phone_app(make_app())
    with serve(phone) as url:
        yield url
    phone.close()


WAIT_SECONDS = 30  # generous: a wait returns as soon as the page shows what it waits for


def wait_for_text(driver: webdriver.Chrome, element_id: str, text: str) -> WebElement:
    """Wait until the element's text contains ``text``; fail with what it shows instead."""
    element = driver.find_element(By.ID, element_id)
    try:
        WebDriverWait(driver, WAIT_SECONDS).until(lambda _: text in element.text)
    except Exception:
        shown = element.text
        error = driver.find_element(By.ID, "error").text
        pytest.fail(f"#{element_id} never showed {text!r}; it shows {shown!r} (error: {error!r})")
    return element


def open_page(driver: webdriver.Chrome, url: str) -> None:
    driver.get(url + "/")
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"
    )


def button(driver: webdriver.Chrome, label: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f'button[aria-label="{label}"]')


def assert_dial_pad_fits(driver: webdriver.Chrome) -> None:
    """The dial pad column shows everything without a scrollbar, and so does the page."""
    column, across, page, window = driver.execute_script(
        "const p = document.querySelector('.phone');"
        "return [p.scrollHeight - p.clientHeight, p.scrollWidth - p.clientWidth,"
        " document.documentElement.scrollHeight, window.innerHeight];"
    )
    assert (column, across) == (0, 0), f"the dial pad column overflows by {column}px"
    assert page <= window, f"the page is {page}px high in a {window}px window"


def test_dial_the_ivr_press_1_and_hang_up(browser: webdriver.Chrome, ivr_url: str) -> None:
    open_page(browser, ivr_url)
    assert browser.find_element(By.ID, "app-name").text == "examples.ivr:app"

    button(browser, "Call").click()
    wait_for_text(browser, "steps", "Welcome to Example Corp.")
    wait_for_text(browser, "status", "waiting for gather")
    wait_for_text(browser, "hint", "The Gather waits for keys")
    assert_dial_pad_fits(browser)
    requests = wait_for_text(browser, "requests", "/voice")
    assert "<Gather" in requests.text

    # A key of the keyboard, not a click: the page listens to digits typed anywhere.
    browser.find_element(By.TAG_NAME, "body").send_keys("1")
    steps = wait_for_text(browser, "steps", "Sales. For a new order, press 1.")
    assert "pressed 1" in steps.text
    wait_for_text(browser, "requests", "/menu")
    assert "Digits" in browser.find_element(By.ID, "requests").text

    button(browser, "Hang up").click()
    wait_for_text(browser, "status", "completed")
    wait_for_text(browser, "steps", "call ended: completed (caller)")
    assert button(browser, "Call").is_enabled()
    assert not button(browser, "Hang up").is_enabled()
    assert browser.find_element(By.ID, "error").is_displayed() is False
    assert_dial_pad_fits(browser)

    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "phone.png"))


def test_dial_pad_buttons_and_invalid_documents(
    browser: webdriver.Chrome, test_app_url: str
) -> None:
    open_page(browser, test_app_url)
    button(browser, "Call").click()
    wait_for_text(browser, "steps", "Welcome. For sales, press 1.")
    button(browser, "1").click()
    wait_for_text(browser, "steps", "Sales. Enter your order number.")
    for key in ("4", "2", "pound"):
        button(browser, key).click()
    wait_for_text(browser, "steps", "Order 42.")
    wait_for_text(browser, "status", "completed")

    path = browser.find_element(By.ID, "path")
    path.clear()
    path.send_keys("/bad")
    button(browser, "Call").click()
    problems = wait_for_text(browser, "requests", "13314")
    codes = [
        li.get_attribute("data-code")
        for li in problems.find_elements(By.CSS_SELECTOR, ".problems li")
    ]
    assert codes[:2] == ["13314", "12200"]
    highlighted = problems.find_elements(By.CSS_SELECTOR, ".xml .has-problem")
    assert {line.get_attribute("data-n") for line in highlighted} == {"3", "6"}
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "phone-problems.png"))


def test_errors_show_in_the_page(browser: webdriver.Chrome, test_app_url: str) -> None:
    open_page(browser, test_app_url)
    path = browser.find_element(By.ID, "path")
    path.clear()
    path.send_keys("no-slash")
    button(browser, "Call").click()
    error = wait_for_text(browser, "error", "must start with '/'")
    assert error.get_attribute("role") == "alert"

    button(browser, "Dismiss the error").click()
    assert not error.is_displayed()
    browser.find_element(By.TAG_NAME, "body").send_keys("5")
    wait_for_text(browser, "error", "Not in a call")


def test_a_failing_handler_shows_red_with_its_traceback(
    browser: webdriver.Chrome, test_app_url: str
) -> None:
    open_page(browser, test_app_url)
    path = browser.find_element(By.ID, "path")
    path.clear()
    path.send_keys("/boom")
    button(browser, "Call").click()
    wait_for_text(browser, "requests", "handler failed")
    [item] = browser.find_elements(By.CSS_SELECTOR, "#requests > li")
    assert "bad" in (item.get_attribute("class") or "")
    trace = item.find_element(By.CSS_SELECTOR, "pre.traceback")
    assert "RuntimeError: the database is down" in trace.text


def test_a_missing_route_shows_as_no_route(browser: webdriver.Chrome, test_app_url: str) -> None:
    open_page(browser, test_app_url)
    path = browser.find_element(By.ID, "path")
    path.clear()
    path.send_keys("/nowhere")
    button(browser, "Call").click()
    requests = wait_for_text(browser, "requests", "no route")
    assert "12100" not in requests.text


def test_text_from_the_app_is_never_markup(browser: webdriver.Chrome, test_app_url: str) -> None:
    open_page(browser, test_app_url)
    number = browser.find_element(By.ID, "from")
    number.clear()
    number.send_keys("<img src=x onerror=alert(1)>")
    button(browser, "Call").click()
    requests = wait_for_text(browser, "requests", "<img src=x onerror=alert(1)>")
    assert requests.find_elements(By.TAG_NAME, "img") == []


def call_path(driver: webdriver.Chrome, path: str) -> None:
    """Place a call answered by ``path``."""
    field = driver.find_element(By.ID, "path")
    field.clear()
    field.send_keys(path)
    button(driver, "Call").click()


def test_say_a_phrase_at_a_speech_gather(browser: webdriver.Chrome, test_app_url: str) -> None:
    open_page(browser, test_app_url)
    call_path(browser, "/voice")
    wait_for_text(browser, "steps", "Welcome. For sales, press 1.")
    speech = browser.find_element(By.ID, "speech")
    assert not speech.is_displayed()  # a keys-only Gather: no speech box
    button(browser, "Hang up").click()
    wait_for_text(browser, "status", "completed")

    call_path(browser, "/speech")
    wait_for_text(browser, "steps", "Which department?")
    wait_for_text(browser, "hint", "listens for keys or speech")
    assert speech.is_displayed()
    assert_dial_pad_fits(browser)  # hint and speech box both shown
    speech.send_keys("sales 42", Keys.ENTER)  # the digits are words here, not keys
    steps = wait_for_text(browser, "steps", "Connecting you to sales 42.")
    assert 'said "sales 42"' in steps.text
    assert "SpeechResult" in wait_for_text(browser, "requests", "/department").text
    assert browser.find_element(By.ID, "display").text == ""
    wait_for_text(browser, "status", "completed")
    assert not speech.is_displayed()

    call_path(browser, "/speech-only")
    wait_for_text(browser, "hint", "listens for speech")
    speech.send_keys("Ada")
    button(browser, "Say the phrase").click()
    wait_for_text(browser, "steps", "Connecting you to Ada.")
    assert browser.find_element(By.ID, "error").is_displayed() is False


def test_keys_during_a_bridged_dial_and_the_dialled_leg(
    browser: webdriver.Chrome, test_app_url: str
) -> None:
    open_page(browser, test_app_url)
    call_path(browser, "/bridge")
    wait_for_text(browser, "status", "waiting for bridge")
    hint = wait_for_text(browser, "hint", f"Talking to {LEG}.")
    assert "* hangs up the dialled call" in hint.text
    assert "12, 34" in hint.text
    assert_dial_pad_fits(browser)  # the longest hint
    legs = wait_for_text(browser, "legs", LEG)
    assert "Digits sent: 1w2" in legs.text
    assert "sent digits 1w2" in legs.text
    assert "A caller from the phone page." in legs.text
    assert "in-progress" in legs.text

    browser.find_element(By.TAG_NAME, "body").send_keys("12")
    wait_for_text(browser, "steps", "pressed 12 during the bridged call: matched 12")
    wait_for_text(browser, "requests", "/dial-callback")
    assert "waiting for bridge" in browser.find_element(By.ID, "status").text

    button(browser, "star").click()
    wait_for_text(browser, "steps", f"dialled {LEG}: completed")
    wait_for_text(browser, "steps", "Dial status completed.")
    wait_for_text(browser, "legs", "completed")
    wait_for_text(browser, "status", "completed")
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "phone-bridge.png"))

    call_path(browser, "/bridge")
    wait_for_text(browser, "status", "waiting for bridge")
    button(browser, "Wait without pressing keys").click()
    wait_for_text(browser, "steps", f"dialled {LEG}: completed (30 s talking)")
    assert browser.find_element(By.ID, "error").is_displayed() is False
