"""One-line plain-language explanations of the 14 persuasion techniques (written for podium's report)."""

from __future__ import annotations

EXPLANATIONS: dict[str, str] = {
    "Appeal_to_Authority": "Says a claim is true because an expert, official or famous figure said so, "
    "in place of evidence.",
    "Appeal_to_fear-prejudice": "Pushes the listener toward a view by stirring fear of what will happen, "
    "or prejudice against a group.",
    "Bandwagon,Reductio_ad_hitlerum": "Urges agreement because everyone else agrees, or rejects an idea "
    "because a hated group (the Nazis, say) held it.",
    "Black-and-White_Fallacy": "Offers only two choices, one of them unacceptable, when more exist.",
    "Causal_Oversimplification": "Blames one cause for an outcome that has many.",
    "Doubt": "Questions the credibility of a person, group or institution without showing why.",
    "Exaggeration,Minimisation": "Makes something look bigger, better or worse than it is, or plays a "
    "serious matter down.",
    "Flag-Waving": "Appeals to patriotism, national pride or group identity to justify an idea or action.",
    "Loaded_Language": "Uses words with strong emotional charge to sway the listener rather than inform.",
    "Name_Calling,Labeling": "Pins a label on the target that the audience fears, hates or finds "
    "contemptible, or, flatteringly, loves.",
    "Repetition": "Repeats the same message or phrase so that it sticks and comes to feel true.",
    "Slogans": "A short, punchy phrase meant to be remembered and repeated, often with a label or "
    "a call to act.",
    "Thought-terminating_Cliches": "A stock phrase that ends the discussion and discourages thinking "
    "('it is what it is').",
    "Whataboutism,Straw_Men,Red_Herring": "Deflects by pointing at the opponent's failings, attacks a "
    "distorted version of their position, or changes the subject.",
}
