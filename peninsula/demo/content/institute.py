"""The demo institute itself: a fictional think tank on Korea and Northeast Asia."""

INSTITUTE = {
    "name": "Haneul Policy Institute",
    "name_in_sentence": "the Haneul Policy Institute",
    "short_name": "HPI",
    "tagline": "Independent analysis of Korea and Northeast Asia",
    "postal_address": "1740 Larchmont Place NW, Suite 610\nWashington, DC 20036\nUnited States",
    "disclosure_footer": (
        "<p><b>Registration statement.</b> The Haneul Policy Institute is registered with the "
        "US Department of Justice under the Foreign Agents Registration Act, because part of "
        "its programme budget comes from the Seoul Civic Exchange Fund, a body financed by the "
        "government of the Republic of Korea. The Institute alone sets its research agenda and "
        "reaches its own conclusions. Registration does not mean that the US government has "
        "approved this material or vouches for it. Copies of our filings can be requested from "
        "the Department of Justice in Washington, DC. <i>This is a demonstration site: the "
        "Institute, its funders and its people are fictional.</i></p>"
    ),
    "default_disclaimer": "The views expressed here are the author's alone.",
    "default_disclaimer_several": "The views expressed here are the authors' alone.",
    "email": "hello@haneul-institute.example",
    "phone": "+1 202 555 0148",
    "x_url": "https://x.example/haneulinstitute",
    "bluesky_url": "https://bsky.example/profile/haneul-institute",
    "linkedin_url": "https://linkedin.example/company/haneul-institute",
    "youtube_url": "https://video.example/@haneulinstitute",
}

HOME_INTRODUCTION = (
    "The Haneul Policy Institute studies the Korean Peninsula and its neighbours: alliances "
    "and deterrence, trade and technology, demography and climate, and the history that still "
    "shapes all of them. 하늘 (haneul) means sky; we try to see the whole of it."
)

ABOUT = {
    "title": "About",
    "slug": "about",
    "introduction": (
        "An independent, non-partisan research institute in Washington and Seoul working on "
        "the security, economy and society of the Korean Peninsula and Northeast Asia."
    ),
    "body": [
        "## What we do",
        "The Haneul Policy Institute was founded on a simple premise: decisions about the "
        "Korean Peninsula are too often made with half the picture. Security specialists talk "
        "past economists, and both talk past the demographers and historians whose work "
        "explains why old arguments keep coming back. We bring those conversations together.",
        "Our fellows publish commentary on *The Peninsula*, a weekly brief on the week's "
        "developments, longer reports and working papers, a podcast, and short video "
        "explainers. We hold public events in Washington and Seoul, and private roundtables "
        "where officials and scholars can test ideas before they harden into policy.",
        "## How we work",
        "We take no institutional positions. Each publication reflects the views of its "
        "authors, and every report goes through review by at least two readers outside the "
        "team that wrote it. We publish the names of our funders every year, and no funder "
        "sees a publication before it is released.",
        "> The point is not to predict the peninsula's future but to widen the range of "
        "futures that policymakers are ready for. -- From the Institute's founding charter",
        "## Our name",
        "하늘 (*haneul*) is the Korean word for sky. It appears in the first line of the "
        "national anthem and in countless poems, and it suggested the view we want: wide, "
        "patient, and shared by everyone under it.",
        "## A note on this site",
        "This site is a demonstration of the Peninsula publishing platform. The Institute, "
        "its experts, its funders and its publications are fictional, written for the demo.",
    ],
}
