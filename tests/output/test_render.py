"""render() finds each result's view by the result type's full name."""
from __future__ import annotations

import importlib

import pytest

from trialfind.access.candidates import CandidateList
from trialfind.output.render import VIEWS, _view_for
from trialfind.output.views import candidates_view


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_view_names_a_result_type_that_exists(name):
    module, _, qualname = name.rpartition(".")
    assert isinstance(getattr(importlib.import_module(module), qualname), type)


def test_a_subclass_of_a_result_type_gets_its_view_and_other_objects_none():
    class MoreCandidates(CandidateList):
        pass

    assert _view_for(MoreCandidates()) is candidates_view
    assert _view_for([]) is None and _view_for({"a": 1}) is None
