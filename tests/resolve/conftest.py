import pytest

from nkwatch.resolve import load_rules


@pytest.fixture(scope="session")
def rules():
    return load_rules()
