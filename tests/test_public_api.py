"""Every name the package promises resolves to a real object."""
import trialfind


def test_every_public_name_imports():
    for name in trialfind.__all__:
        assert getattr(trialfind, name) is not None, name


def test_unknown_name_is_an_attribute_error():
    try:
        trialfind.no_such_thing
    except AttributeError:
        return
    raise AssertionError("expected AttributeError")
