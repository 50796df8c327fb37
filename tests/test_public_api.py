"""Every name the package promises resolves to a real object, and the Python API mirrors the CLI."""
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


# --- the Python API mirrors the CLI (real records, in memory) -------------------------------

import pytest  # noqa: E402

from tests.shared_data import real_records  # noqa: E402
from trialfind.core.ages import parse_child_age  # noqa: E402


@pytest.fixture(scope="module")
def real_source():
    return trialfind.MemorySource(real_records())


def test_a_number_is_years_everywhere(real_source):
    by_keywords = trialfind.find_trials(condition="glioma", age=7, source=real_source)
    by_profile = trialfind.find_trials(trialfind.ChildProfile.build("7y", conditions=["glioma"]), source=real_source)
    assert by_keywords.profile.age_days == parse_child_age("7y") == by_profile.profile.age_days
    assert [m.nct_id for m in by_keywords] == [m.nct_id for m in by_profile] and len(by_keywords) > 0
    candidates = trialfind.find_candidates(target="ALK", age=7, source=real_source)
    assert candidates.age_days == parse_child_age("7y")


def test_keywords_and_a_profile_do_not_mix(real_source):
    profile = trialfind.ChildProfile.build("7", conditions=["glioma"])
    with pytest.raises(trialfind.core.errors.InvalidInput):
        trialfind.find_trials(profile, age=8, source=real_source)
    with pytest.raises(trialfind.core.errors.InvalidInput):
        trialfind.find_trials(condition="glioma", source=real_source)  # no age


def test_results_render_and_become_dataframes(real_source):
    results = trialfind.find_trials(condition="glioma", age="7y6m", source=real_source)
    frame = trialfind.to_dataframe(results)
    assert list(frame["nct_id"]) == [m.nct_id for m in results]
    assert list(frame.columns) == list(results.columns)
    assert trialfind.render(results, "json").startswith("[")
    study = trialfind.get_study_details(results[0].nct_id, source=real_source)
    assert trialfind.to_dataframe(study).loc[0, "nct_id"] == study.nct_id
    assert trialfind.render(study, "table").startswith(study.nct_id)
