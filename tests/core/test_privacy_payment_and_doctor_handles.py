"""India's UPI payment ids, a doctor's own handle and more campaign prefixes (synthetic near-twins)."""
from __future__ import annotations

import pytest

from trialfind.core.privacy import find_personal_data


@pytest.mark.parametrize("text", [
    "UPI: rakesh.gupta@okicici",                     # a UPI id: a name and a bank's tag, no e-mail domain
    "donations via upi id meera.k@oksbi",
    "Twitter par @drkavitaonco",                      # "dr" and a given name, after no platform word read
    "facebook.com/groups/helpforyael",                # a family's group: "help for" and the child's name
    "our page fb.com/groups/fightwithnoa",
])
def test_payment_ids_doctor_handles_and_campaign_groups_are_refused(text):
    assert "handle" in {f.kind for f in find_personal_data(text)}


@pytest.mark.parametrize("text", [
    "donate by UPI at the hospital's counter",        # the payment system named, no id
    "@drugsafety posted the recall",                  # "dr" and an English word
    "@drinkwater reminders helped with nausea",
    "facebook.com/groups/helpforneuroblastoma",       # a support group named by its disease
])
def test_the_same_words_without_a_person_pass(text):
    assert find_personal_data(text) == []
