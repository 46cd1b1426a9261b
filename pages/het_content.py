"""The Health Equity Town content, taken from the pages of Luton Council's current HET site.

`manage.py load_het_content` builds the site from this module. Every statement about Luton here comes from
those pages, lightly edited into plain English: add no dates, figures, names or email addresses they do not
give. The accessibility statement and privacy notice describe this website itself; the accessibility
statement follows the GOV.UK model.

Pages are referred to by their path below the home page, for example "case-studies" or
"driving-change/net-zero". Related topics are slugs within their section. The command turns both into pages.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.html import format_html, format_html_join

UK = ZoneInfo("Europe/London")

# What a first run on an empty database creates, by page type (the home page and index pages aside).
EXPECTED_COUNTS = {
    "PolicyObjectivePage": 8,
    "PriorityPage": 5,
    "SubgroupPage": 4,
    "NewsPage": 7,
    "EventPage": 1,
    "CaseStudyPage": 6,
    "StandardPage": 5,
}

SITE_NAME = "Luton Health Equity Town"
CONTACT_ADDRESS = "Luton Council, Town Hall, Luton LU1 2BQ"


# Helpers that build rich text and raw StreamField data. Text is escaped; only link() makes markup.


def link(label, url):
    return format_html('<a href="{}">{}</a>', url, label)


def paragraphs(*texts):
    return "".join(format_html("<p>{}</p>", paragraph) for paragraph in texts)


def bullets(items):
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((item,) for item in items)))


def numbered(items):
    return format_html("<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((item,) for item in items)))


def text(*html):
    return {"type": "text", "value": "".join(html)}


def heading(title, level="h2"):
    return {"type": "heading", "value": {"text": title, "level": level}}


def button(label, page):
    """A call to action linking to the page at `page`, a path below the home page."""
    return {"type": "call_to_action", "value": {"text": label, "page": page, "url": ""}}


def key_facts(heading, facts):
    return {
        "type": "key_facts",
        "value": {"heading": heading, "facts": [{"figure": figure, "label": label} for figure, label in facts]},
    }


def accordion(heading, sections):
    return {
        "type": "accordion",
        "value": {
            "heading": heading,
            "sections": [{"title": title, "content": content} for title, content in sections],
        },
    }


def work_area(title, *points):
    return {"type": "work_area", "value": {"title": title, "points": list(points)}}


# Sentences used on more than one page.

SDH = "the conditions in which people are born, grow up, live, work and age"
BUILDING_BLOCKS = [
    "good quality homes",
    "access to good education",
    "stable and good employment",
    "social connections and safe neighbourhoods",
    "clean air",
    "access to good quality health services and care",
]
REPORT = "Reducing Health Inequalities in Luton: A Marmot Town"
ONE_YEAR_ON = "Health equity town event: one year on"
RECOMMENDATIONS = [
    "Increase the provision of Flying Start early years services beyond the current highly targeted approach, "
    "developing the universal approach while keeping a proportionate focus on areas with higher levels of deprivation.",
    "Reduce child poverty by making sure that early years and maternity services, voluntary, community, faith and "
    "social enterprise (VCFSE) organisations and employers support households to access the benefits and services "
    "available to them, and pay a living wage.",
    "Assess the maternity leave policies and support for childcare of all employers, including the public sector "
    "and private businesses.",
    "Build on Luton's success in school readiness, with a system-wide ambition to bring all children above the "
    "average for pupils in England.",
]
ADDED_PRINCIPLE = (
    "This is one of two principles added since the first national Marmot Review in 2010, to make discrimination "
    "and sustainability more explicit, because they are essential to equity."
)


HOME = {
    "title": "Luton's Health Equity Town",
    "slug": "home",
    "summary": (
        "The latest information from Luton Council's Public Health team about Luton as a health equity town (HET): "
        "what it means, our priorities, news and events."
    ),
    "intro": paragraphs(
        "Health equity is the state in which everyone has a fair and just opportunity to attain their highest level "
        "of health. Our Public Health team welcomes you to the latest information about Luton as a health equity "
        "town (HET), with updates on key developments.",
        "Our vision for Luton as a HET follows the Marmot approach: a health equity strategy that aims to reduce "
        f"health inequalities by addressing the social determinants of health (SDH). SDH are {SDH}.",
    ),
}


POLICY_OBJECTIVE_INDEX = {
    "title": "Marmot policy objectives",
    "slug": "policy-objectives",
    "summary": (
        "The eight policy objectives from the Marmot approach, which aim to reduce health inequalities "
        "and focus action."
    ),
    "intro": paragraphs(
        "Our vision for Luton as a health equity town follows the Marmot approach. It aims to reduce health "
        f"inequalities by addressing the social determinants of health: {SDH}.",
        "There are eight policy objectives from the Marmot approach which aim to reduce health inequalities and focus "
        "action. The first national Marmot Review in 2010 introduced six of them. Two more have since been added to "
        "make discrimination and sustainability, which are essential to equity, more explicit.",
    ),
}

# In the order the council lists them.
POLICY_OBJECTIVES = [
    {
        "title": "Give every child the best start in life",
        "slug": "best-start-in-life",
        "summary": (
            "Supporting families so that every child in Luton has the best start in life, from maternity and early "
            "years services to being ready for school."
        ),
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    "The conditions in which people are born and grow up are part of the social determinants of "
                    "health. They affect our health and, in the end, how long we live. This Marmot policy objective "
                    "is about giving every child in Luton a good start.",
                )
            ),
            heading("What the Marmot Town report recommends"),
            text(paragraphs(f"The recommendations of the report {REPORT} include:"), bullets(RECOMMENDATIONS)),
            heading("What is happening in Luton"),
            text(
                bullets(
                    [
                        "Monthly MMR vaccination clinics in targeted areas of the town aim to improve uptake of MMR "
                        "and all other childhood vaccines.",
                        "The Family Hubs programme supports families in the most deprived areas of the town with "
                        "parenting, mental health and infant feeding.",
                        "We are working with East London Foundation Trust (ELFT) to develop the Healthier Wealthier "
                        "Families programme, which brings healthcare and financial support together in one setting.",
                        "The integrated care board (ICB) is working with Luton on a pledge that includes supporting "
                        "as many children as possible to have the best start in life.",
                    ]
                )
            ),
            button("Children and young people subgroup", "driving-change/children-and-young-people"),
        ],
    },
    {
        "title": (
            "Enable all children, young people and adults to maximise their capabilities and have control over "
            "their lives"
        ),
        "slug": "maximise-capabilities",
        "summary": (
            "Helping people of every age in Luton to make the most of their abilities and to have control over "
            "their own lives."
        ),
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    "This Marmot policy objective is about children, young people and adults being able to make the "
                    "most of their abilities and having control over their own lives. Access to good education is "
                    "one of the building blocks of health.",
                    "Health creation is the process through which individuals and communities gain a sense of "
                    "purpose, hope, mastery and control over their lives and environments. When this happens, their "
                    "health and wellbeing is enhanced.",
                )
            ),
            heading("What is happening in Luton"),
            text(
                bullets(
                    [
                        "The Marmot Town report recommends building on Luton's success in school readiness, with a "
                        "system-wide ambition to bring all children above the average for pupils in England.",
                        "Careers education plays a pivotal role in achieving the Luton 2040 vision of a child "
                        "friendly town.",
                        "Working with ELFT and adult learning, a passport to employment programme has been set up to "
                        "support mental health service users into employment.",
                        "Building Blocks of Health Champions have had bespoke training from the Health Foundation to "
                        "support more accessible ways of talking about the social determinants of health.",
                    ]
                )
            ),
        ],
    },
    {
        "title": "Create fair employment and good work for all",
        "slug": "fair-employment-and-good-work",
        "summary": "Working with employers in Luton so that everyone can have stable and good work.",
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    "Stable and good employment is one of the building blocks of health: the things that affect our "
                    "health and, in the end, how long we live. This Marmot policy objective is about fair employment "
                    "and good work being there for everyone.",
                )
            ),
            heading("What is happening in Luton"),
            text(
                bullets(
                    [
                        "The employment and skills subgroup supports wider workforce wellbeing, including Good "
                        "Business Charter accreditation work through Inclusive Economy.",
                        "The subgroup has worked with a commissioned provider and the Local Government Association "
                        "(LGA) on cultural competency training.",
                        "Small and medium sized enterprises (SMEs) get wellbeing support through the Open University "
                        "Take Five to Age Well pledge, leaflets and health promotion.",
                        "A passport to employment programme, set up by ELFT and adult learning, supports mental "
                        "health service users into employment.",
                        "The integrated care board (ICB) is working with Luton on a pledge that includes procuring "
                        "locally and employing locally.",
                        "The Marmot Town report recommends that employers pay a living wage, and that the maternity "
                        "leave policies and support for childcare of all employers are assessed.",
                    ]
                )
            ),
            button("Employment and skills subgroup", "driving-change/employment-and-skills"),
        ],
    },
    {
        "title": "Ensure a healthy standard of living for all",
        "slug": "healthy-standard-of-living",
        "summary": (
            "Making sure everyone in Luton has a standard of living that supports good health, because it is "
            "almost impossible to live healthily when in poverty."
        ),
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    "Our Luton 2040 vision is of a healthy, fair and sustainable town where everyone can thrive, and "
                    "no one lives in poverty. It is almost impossible to live healthily when in poverty.",
                    "The pandemic is now behind us, but some clear challenges remain, including the national cost of "
                    "living crisis.",
                )
            ),
            heading("What is happening in Luton"),
            text(
                bullets(
                    [
                        "The Marmot Town report recommends reducing child poverty by making sure that services, "
                        "voluntary and community organisations and employers support households to access the "
                        "benefits and services available to them, and pay a living wage.",
                        "The Healthier Wealthier Families programme, being developed with ELFT, brings healthcare and "
                        "financial support together in one setting, so that families experiencing poverty and poor "
                        "health can benefit from both.",
                        "The council's period poverty scheme is a home delivery scheme to supply free reusable "
                        "products to Luton residents, reducing any embarrassment or stigma around accessing free "
                        "products.",
                        "Noah Enterprise, a charity, seeks to help the most disadvantaged in the local community, "
                        "particularly people who are homeless and rough sleepers.",
                    ]
                )
            ),
        ],
    },
    {
        "title": "Create and develop healthy and sustainable places and communities",
        "slug": "healthy-and-sustainable-places",
        "summary": (
            "Making sure Luton's homes and neighbourhoods support good health as the town grows over the coming years."
        ),
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    "Good quality homes, social connections, safe neighbourhoods and clean air are all building "
                    "blocks of health.",
                    "Luton is expected to see more development over the coming years. It is crucial that "
                    "neighbourhoods are created that promote healthy environments and places. Good urban design can "
                    "contribute to better health outcomes.",
                )
            ),
            heading("What is happening in Luton"),
            text(
                bullets(
                    [
                        "The housing and health subgroup is developing an annual strategic housing and health plan, "
                        "focusing on the recommendations from the Marmot report.",
                        "Over 30 professionals came to a health and built environment workshop.",
                        "The Marmot recommendations include investing in new walking and cycling infrastructure, "
                        "particularly in areas of deprivation.",
                        "New free online walking maps help you explore Luton's rich history and heritage on foot.",
                    ]
                )
            ),
            button("Housing and health subgroup", "driving-change/housing-and-health"),
        ],
    },
    {
        "title": "Strengthen the role and impact of ill-health prevention",
        "slug": "ill-health-prevention",
        "summary": "Preventing ill health in Luton by acting on what drives it, as well as treating it.",
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    "Taking a social determinants of health approach means acting on the drivers of ill health, as "
                    "well as treating ill health when it is presented in healthcare settings.",
                    "In Luton there are differences between areas and communities in life expectancy, in risk "
                    "factors such as obesity and smoking, and in conditions such as hypertension and cancer.",
                )
            ),
            heading("What is happening in Luton"),
            text(
                bullets(
                    [
                        "Monthly MMR vaccination clinics in targeted areas have vaccinated over 130 under-vaccinated "
                        "children in Luton since February.",
                        "GoodGym engages adults in physical activity by giving the activity a purpose beyond their own "
                        "fitness.",
                        "The ShinyMind app is a health and wellbeing app that patients can use as a self-help tool to "
                        "help manage negative thoughts, emotions and feelings.",
                    ]
                )
            ),
        ],
    },
    {
        "title": "Tackle discrimination, racism and their outcomes",
        "slug": "tackle-discrimination-and-racism",
        "summary": (
            "Tackling discrimination and racism, and what they lead to, in a town with a diverse and "
            "vibrant population."
        ),
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    ADDED_PRINCIPLE,
                    "Luton has a unique and complex population, which relates to many of the differences within the "
                    "town. We have a diverse and vibrant population, with many languages spoken, across different "
                    "ethnicities.",
                )
            ),
            heading("What is happening in Luton"),
            text(
                bullets(
                    [
                        "The employment and skills subgroup has worked with a commissioned provider and the Local "
                        "Government Association (LGA) on cultural competency training.",
                        "Friends, families and travellers have been working on resources for Gypsy, Roma and "
                        "Traveller History Month 2024.",
                        "Community health care has developed online resources and translated workshops for early "
                        "support, influenced by the Marmot report.",
                    ]
                )
            ),
        ],
    },
    {
        "title": "Pursue environmental sustainability and health equity together",
        "slug": "environmental-sustainability-and-health-equity",
        "summary": (
            "Tackling the climate emergency in ways that also reduce health inequalities, as Luton works towards "
            "becoming a net zero town."
        ),
        "body": [
            heading("What this means"),
            text(
                paragraphs(
                    ADDED_PRINCIPLE,
                    "Clean air is one of the building blocks of health. Tackling the climate emergency and becoming a "
                    "net zero town, with sustainable growth and a healthier environment, is one of our Luton 2040 "
                    "priorities.",
                )
            ),
            heading("What is happening in Luton"),
            text(
                paragraphs(
                    "The net zero subgroup, made up of climate change experts along with health, housing and "
                    "sustainable travel, is turning the Marmot recommendations into an action plan. They include:"
                ),
                bullets(
                    [
                        "aligning health and climate goals, working with partners and communities to move away from "
                        "carbon and build resilient communities that are well adapted to respond to the impacts of "
                        "climate change",
                        "regular meetings between inequality and sustainability leads in the NHS, local communities, "
                        "the VCFSE sector and local authorities, to check net zero policies for their effect on equity",
                        "encouraging employers and staff to adopt carbon-neutral ways of travelling, including "
                        "walking and cycling, and carbon-neutral work environments",
                        "investing in new walking and cycling infrastructure, particularly in areas of deprivation",
                    ]
                ),
            ),
            button("Net zero subgroup", "driving-change/net-zero"),
        ],
    },
]


PRIORITY_INDEX = {
    "title": "Luton 2040 priorities",
    "slug": "priorities",
    "summary": (
        "Luton will be a healthy, fair and sustainable town where everyone can thrive, and no one lives in poverty. "
        "These are our five priorities for Luton 2040."
    ),
    "intro": paragraphs(
        "Luton will be a healthy, fair and sustainable town where everyone can thrive, and no one lives in poverty.",
        "Our health equity town policies link directly into our Luton 2040 priorities.",
    ),
}

PRIORITIES = [
    {
        "title": "Building an inclusive economy",
        "slug": "inclusive-economy",
        "summary": (
            "Building an inclusive economy that delivers investment to support the growth of businesses, "
            "jobs and incomes."
        ),
        "body": [
            text(
                paragraphs(
                    "Stable and good employment is one of the building blocks of health. Work on wider workforce "
                    "wellbeing in Luton includes supporting Good Business Charter accreditation through Inclusive "
                    "Economy.",
                )
            ),
            button("Employment and skills subgroup", "driving-change/employment-and-skills"),
        ],
    },
    {
        "title": "Improving population wellbeing and tackling health inequalities",
        "slug": "population-wellbeing",
        "summary": (
            "Improving population wellbeing and tackling health inequalities to enable everyone to have a good "
            "quality of life and reach their full potential."
        ),
        "body": [
            text(
                paragraphs(
                    "Health equity is the state in which everyone has a fair and just opportunity to attain their "
                    "highest level of health. Luton's health equity town work follows the Marmot approach, which aims "
                    "to reduce health inequalities by addressing the social determinants of health.",
                )
            ),
            button("The eight Marmot policy objectives", "policy-objectives"),
        ],
    },
    {
        "title": "Becoming a child friendly town",
        "slug": "child-friendly-town",
        "summary": (
            "Becoming a child friendly town, where our children grow up happy, healthy and secure, with a voice that "
            "matters and the opportunities they need to thrive."
        ),
        "body": [
            text(
                paragraphs(
                    "Careers education plays a pivotal role in achieving the Luton 2040 vision of a child friendly "
                    "town.",
                    "The integrated care board (ICB) is working with Luton on a pledge that includes putting the "
                    "rights of children at the centre of its strategies and supporting Luton to become a UNICEF child "
                    "friendly town.",
                )
            ),
            button("Children and young people subgroup", "driving-change/children-and-young-people"),
        ],
    },
    {
        "title": "Tackling the climate emergency and becoming a net zero town",
        "slug": "net-zero-town",
        "summary": (
            "Tackling the climate emergency and becoming a net zero town with sustainable growth and a healthier "
            "environment."
        ),
        "body": [
            text(
                paragraphs(
                    "The net zero health equity town subgroup is turning the strategic Marmot recommendations into an "
                    "action plan, aligning health and climate goals.",
                )
            ),
            button("Net zero subgroup", "driving-change/net-zero"),
        ],
    },
    {
        "title": "Supporting a strong and empowered community",
        "slug": "strong-and-empowered-community",
        "summary": (
            "Supporting a strong and empowered community, built on fairness, local pride and a powerful voice for "
            "all our residents."
        ),
        "body": [
            text(
                paragraphs(
                    "Luton hosts a system-wide Health Equity Town Partnership, as part of its health and wellbeing "
                    "governance. It focuses on the wider determinants of health and on activities supporting "
                    "community groups to improve health equity.",
                    "One of the main messages from the health equity town event in December 2023 was that there is an "
                    "ongoing need to engage with our communities.",
                )
            ),
        ],
    },
]


SUBGROUP_INDEX = {
    "title": "Driving change",
    "slug": "driving-change",
    "summary": (
        "Priority areas have been identified, with subgroups leading further work on the health equity town (HET) "
        "recommendations."
    ),
    "intro": paragraphs(
        "Priority areas have been identified, with subgroups leading to drive further work on the health equity town "
        "(HET) recommendations.",
        "These groups aim to work collaboratively with strategic activity already under way, to embed the health "
        "equity approach and recommendations, and so strengthen the impact on health equity.",
        "There are four priority areas.",
    ),
}

SUBGROUPS = [
    {
        "title": "Children and young people",
        "slug": "children-and-young-people",
        "summary": (
            "The Children and Young People's HET strand is using a quality improvement approach to move the "
            "recommendations from the Marmot report forward."
        ),
        "body": [
            text(
                bullets(
                    [
                        "The Children and Young People's HET strand is using a quality improvement approach to "
                        "development. This will involve using quality improvement tools and processes to identify "
                        "the issues and drivers that will move the recommendations from the report forward.",
                        "Work areas that are being developed and are in early stages of implementation include the "
                        "following.",
                    ]
                )
            ),
        ],
        "work_areas": [
            work_area(
                "Monthly MMR vaccination clinics",
                "Monthly MMR vaccination clinics in settings in targeted areas of the town, to improve uptake of MMR "
                "and all other childhood vaccines.",
                "These have been successful in vaccinating over 130 under-vaccinated children in Luton since February.",
            ),
            work_area(
                "Family Hubs programme",
                "The Family Hubs programme continues to support families in the most deprived areas of the town "
                "around parenting, mental health and infant feeding.",
                "The app and website were launched in June and will help more families access Family Hub "
                "information and support.",
            ),
            work_area(
                "Healthier Wealthier Families programme",
                "We're working with ELFT to develop the Healthier Wealthier Families programme.",
                "This was previously delivered in Newham and Tower Hamlets. It brings healthcare and financial "
                "support together, so that families experiencing poverty and poor health can benefit from both in "
                "one setting.",
            ),
        ],
    },
    {
        "title": "Housing and health",
        "slug": "housing-and-health",
        "summary": (
            "Keeping oversight of housing and health actions in Luton, so that new neighbourhoods promote healthy "
            "environments and places."
        ),
        "body": [
            text(
                paragraphs(
                    "Luton is expected to see more development over the coming years. It's crucial that "
                    "neighbourhoods are created that promote healthy environments and places. Good urban design can "
                    "contribute to better health outcomes.",
                ),
                bullets(
                    [
                        "This subgroup represents housing and health as part of Luton's health equity system.",
                        "The subgroup will contribute to keeping oversight and strategic delivery of housing and "
                        "health actions, linking to the recommendations in the Marmot report and beyond as "
                        "appropriate.",
                    ]
                ),
            ),
        ],
        "work_areas": [
            work_area(
                "Annual strategic housing and health plan",
                "Develop and deliver an annual strategic housing and health plan focusing on addressing the "
                "recommendations from the Marmot report, and monitor performance indicators against individual "
                "actions.",
                "Ensure the value of being a HET is understood among partners and clearly embedded in housing "
                "related actions and projects.",
                "Provide advice on housing, within areas of expertise, to deliver HET ambitions.",
                "Support the delivery of co-production, engagement and community input where appropriate.",
                "Provide progress reports and updates to the HET partnership, as a key subgroup of the partnership.",
            ),
        ],
    },
    {
        "title": "Net zero",
        "slug": "net-zero",
        "summary": (
            "Climate change experts, with health, housing and sustainable travel, turning the strategic Marmot "
            "recommendations into an action plan."
        ),
        "body": [
            text(
                bullets(
                    [
                        "The net zero subgroup consists of climate change experts along with health, housing and "
                        "sustainable travel.",
                        "The task for the group is to take forward the strategic Marmot recommendations and turn them "
                        "into an action plan.",
                        "The group is chaired by an external climate change expert from the wider community.",
                    ]
                )
            ),
        ],
        "work_areas": [
            work_area(
                "Review of Marmot recommendations",
                "Align health and climate goals, working with partners and communities to transition away from carbon "
                "and build resilient communities that are well adapted to respond to climate change impacts.",
                "Establish regular meetings between inequality and sustainability leads in the NHS, local "
                "communities, the VCFSE sector and local authorities to monitor net zero policies for equity impacts.",
                "Work with local economic partnerships and anchor organisations to support actions to encourage "
                "employers and staff to adopt carbon-neutral modes of transport (including walking and cycling) and "
                "work environments. Invest in new walking and cycling infrastructure, particularly in areas of "
                "deprivation.",
                "Undertake a gap analysis, along with identifying health gains.",
            ),
        ],
    },
    {
        "title": "Employment and skills",
        "slug": "employment-and-skills",
        "summary": (
            "Supporting wider workforce wellbeing in Luton, including Good Business Charter accreditation, wellbeing "
            "support for small businesses and a route into work for mental health service users."
        ),
        "body": [
            text(
                paragraphs(
                    "Continued wider workforce wellbeing includes supporting Good Business Charter accreditation work "
                    "through Inclusive Economy.",
                )
            ),
        ],
        "work_areas": [
            work_area(
                "Coaching",
                "Worked with a commissioned provider and the Local Government Association (LGA) for cultural "
                "competency training.",
            ),
            work_area(
                "Wellbeing support for small and medium sized enterprises",
                "Putting in place and delivering wellbeing support for small and medium sized enterprises (SMEs) "
                "through the Open University Take Five to Age Well pledge, leaflets and health promotion.",
            ),
            work_area(
                "Passport to employment with ELFT",
                "Working with ELFT and adult learning, a passport to employment programme has been established to "
                "support mental health service users into employment.",
                "They have facilitated courses and sessions for people to complete through Passport to Employment.",
            ),
        ],
    },
]


NEWS_INDEX = {
    "title": "News",
    "slug": "news",
    "summary": "The latest news about Luton as a health equity town (HET).",
    "intro": paragraphs("The latest news about Luton as a health equity town (HET) and the work of our partners."),
}

# Newest first, as on the council's home page. The council's pages give no dates, so none are set: the items
# show no date until an officer sets one, and are listed in this order (the loader publishes the last first).
NEWS = [
    {
        "title": "Frameworks UK masterclass",
        "slug": "frameworks-uk-masterclass",
        "summary": (
            "FrameWorks UK is a non-profit organisation which collaborates with charities and other mission-driven "
            "organisations to communicate about social issues in ways that will create change."
        ),
        "body": [
            text(
                paragraphs(
                    "The Frameworks UK masterclass was successful training, with more to come.",
                    "Holding a Frameworks masterclass was one of the next steps agreed at the health equity town "
                    "event in December 2023. One of the main messages from that event was that we need to step up "
                    "communication on the wider determinants of health.",
                )
            ),
            button("Read about the one year on event", "events/one-year-on"),
        ],
        "priorities": ["population-wellbeing"],
    },
    {
        "title": "ShinyMind app",
        "slug": "shinymind-app",
        "summary": (
            "The ShinyMind app is a health and wellbeing app that patients can use as a self-help tool to help "
            "manage negative thoughts, emotions and feelings."
        ),
        "body": [
            text(
                paragraphs(
                    "As a self-help tool, the ShinyMind app gives patients a way to help manage negative thoughts, "
                    "emotions and feelings.",
                    "Strengthening the role and impact of ill-health prevention is one of the eight Marmot policy "
                    "objectives Luton follows, and improving population wellbeing is one of our Luton 2040 priorities.",
                )
            ),
        ],
        "policy_objectives": ["ill-health-prevention"],
        "priorities": ["population-wellbeing"],
    },
    {
        "title": "GoodGym Luton - getting fit by doing good!",
        "slug": "goodgym-luton",
        "summary": (
            "GoodGym engages adults in physical activity by giving the activity purpose, more than just their fitness."
        ),
        "body": [
            text(
                paragraphs(
                    "GoodGym Luton is about getting fit by doing good. Giving physical activity a purpose beyond "
                    "people's own fitness helps engage adults in it.",
                    "Strengthening the role and impact of ill-health prevention is one of the eight Marmot policy "
                    "objectives Luton follows.",
                )
            ),
        ],
        "policy_objectives": ["ill-health-prevention"],
        "priorities": ["population-wellbeing"],
    },
    {
        "title": "Gypsy, Roma and Traveller History Month 2024",
        "slug": "gypsy-roma-and-traveller-history-month-2024",
        "summary": (
            "Friends, families and travellers have been working on resources for this year's Gypsy, Roma and "
            "Traveller History Month."
        ),
        "body": [
            text(
                paragraphs(
                    "Resources are being prepared for Gypsy, Roma and Traveller History Month (GRTHM) 2024.",
                    "Tackling discrimination, racism and their outcomes is one of the eight Marmot policy objectives "
                    "Luton follows. Supporting a strong and empowered community, with a powerful voice for all our "
                    "residents, is one of our Luton 2040 priorities.",
                )
            ),
        ],
        "policy_objectives": ["tackle-discrimination-and-racism"],
        "priorities": ["strong-and-empowered-community"],
    },
    {
        "title": "Enterprise coordinator role activity",
        "slug": "enterprise-coordinator-role-activity",
        "summary": (
            "Careers education plays a pivotal role in achieving the Luton 2040 vision of a child friendly town."
        ),
        "body": [
            text(
                paragraphs(
                    "Becoming a child friendly town, where our children grow up happy, healthy and secure, with a "
                    "voice that matters and the opportunities they need to thrive, is one of our Luton 2040 "
                    "priorities.",
                    "Careers education is pivotal to achieving it. Creating fair employment and good work for all is "
                    "also one of the eight Marmot policy objectives Luton follows.",
                )
            ),
        ],
        "policy_objectives": ["fair-employment-and-good-work", "maximise-capabilities"],
        "priorities": ["child-friendly-town"],
    },
    {
        "title": "Luton walking maps",
        "slug": "luton-walking-maps",
        "summary": (
            "Explore Luton's rich history and heritage on foot and download our new free online walking maps to "
            "help you!"
        ),
        "body": [
            text(
                paragraphs(
                    "Our new online walking maps are free to download. Use them to explore Luton's rich history and "
                    "heritage on foot.",
                    "Creating and developing healthy and sustainable places and communities is one of the eight "
                    "Marmot policy objectives Luton follows.",
                )
            ),
        ],
        "policy_objectives": ["healthy-and-sustainable-places"],
    },
    {
        "title": "Health and built environment workshop",
        "slug": "health-and-built-environment-workshop",
        "summary": "We had a successful workshop with over 30 professionals in attendance.",
        "body": [
            text(
                paragraphs(
                    "Holding a workshop on the built environment was one of the next steps agreed at the health "
                    "equity town event in December 2023.",
                    "Luton is expected to see more development over the coming years. It's crucial that "
                    "neighbourhoods are created that promote healthy environments and places, and good urban design "
                    "can contribute to better health outcomes. The housing and health subgroup contributes to keeping "
                    "oversight of housing and health actions in Luton.",
                )
            ),
            button("Housing and health subgroup", "driving-change/housing-and-health"),
        ],
        "policy_objectives": ["healthy-and-sustainable-places"],
        "subgroups": ["housing-and-health"],
    },
]


EVENT_INDEX = {
    "title": "What's on",
    "slug": "events",
    "summary": "Health equity town (HET) events in Luton, including the HET annual event.",
    "intro": paragraphs("Find out about health equity town (HET) events, including the HET annual event."),
}

EVENTS = [
    {
        "title": ONE_YEAR_ON,
        "slug": "one-year-on",
        "summary": (
            "Over 80 people from Luton organisations, partners and stakeholders came together at Venue 360 to "
            "celebrate and share learning about reducing health inequalities since Luton became the first Marmot Town."
        ),
        # The council gives the date but not the times, so the event spans the day and shows the date only.
        "start": datetime(2023, 12, 14, 0, 0, tzinfo=UK),
        "end": datetime(2023, 12, 14, 23, 59, tzinfo=UK),
        "dates_only": True,
        "venue": "Venue 360",
        "address": "",
        "body": [
            text(
                paragraphs(
                    "Luton organisations, partners and stakeholders came together on 14 December 2023 at Venue 360. "
                    "We celebrated and shared our learning about our journey over the last year in reducing health "
                    "inequalities, since launching Luton as the first Marmot Town.",
                )
            ),
            key_facts(
                "",
                [
                    ("80+", "people from Luton organisations, partners and stakeholders came together"),
                    ("18+", "case studies from partners showing how they are tackling health inequalities"),
                ],
            ),
            heading("Speakers and topics"),
            text(
                paragraphs(
                    "Sally Cartwright, Director of Public Health, Population Wellbeing at Luton Council, convened the "
                    "day, and opened and closed the event.",
                    "The agenda covered a variety of topics and speakers, with closing remarks from Sally Cartwright "
                    "and Councillor Khtija Malik, Luton Council Portfolio Holder for Population Wellbeing. Below is a "
                    "selection of the good practice shared.",
                )
            ),
            accordion(
                "Summary of presentations and agenda items",
                [
                    (
                        "Felicity Cox: collaborative working",
                        paragraphs(
                            "Felicity spoke about collaborative working as an absolute must. The integrated care "
                            "board (ICB) is working hard to tackle health inequalities in Luton, and is working with "
                            "the Luton team on a pledge that includes:"
                        )
                        + bullets(
                            [
                                "procuring locally, and employing locally",
                                "putting the rights of children at the centre of its strategies, and supporting Luton "
                                "to become a UNICEF child friendly town",
                                "continuing its focus on reducing health inequalities, including through its response "
                                "to the Denny Review",
                                "supporting as many children as possible to have the best start in life, following "
                                "its recent Board seminar on this topic",
                                "its commitment to net zero and what this means in Luton",
                            ]
                        ),
                    ),
                    (
                        "Alan Higgins: the social determinants of health",
                        paragraphs("Alan spoke about:")
                        + bullets(
                            [
                                "the social, economic and environmental conditions in which people are born, grow, "
                                "live, work and age",
                                "how shifting to a social determinants of health approach means acting on the drivers "
                                "of ill health, as well as treating ill health when it is presented in healthcare "
                                "settings, recognising that it is almost impossible to live healthily when in poverty",
                            ]
                        ),
                    ),
                    (
                        "Harriet and Fiona: how the Marmot report has influenced community health care",
                        paragraphs(
                            "Harriet and Fiona spoke about how the Marmot report has influenced community health care:"
                        )
                        + bullets(
                            [
                                "it has opened up discussions about health equity and inequality",
                                "the importance of data",
                                "sharing further learning from the Denny Report",
                                "developing the Learning Disability and Learning Difficulty Strategy",
                                "significant development of online resources and translated "
                                "workshops for early support",
                                "changing a culture of thinking around service design and delivery",
                            ]
                        ),
                    ),
                    (
                        "Merron: health creation",
                        paragraphs(
                            "Merron spoke about health creation: the process through which individuals and "
                            "communities gain a sense of purpose, hope, mastery and control over their lives and "
                            "environments. When this happens, their health and wellbeing is enhanced.",
                            "There are four types of relationships, between:",
                        )
                        + numbered(
                            [
                                "community members",
                                "the NHS and communities",
                                "other local partners and communities",
                                "the NHS and other local partners",
                            ]
                        ),
                    ),
                    (
                        "Questions and answers panel",
                        paragraphs("Members of the panel shared good practice. The panel was:")
                        + bullets(
                            [
                                "Alan Higgins and Felicity Cox (see above)",
                                "Lee Watson, Public Health Registrar in the East of England",
                                "Ramya Ravindrane, Public Health Registrar in the East of England",
                                "Karen Hibbert, a compassionate communities lead from Keech Hospice Care, which "
                                "provides free, specialist care for adults and children with life-limiting illnesses "
                                "and vital support for their loved ones too",
                                "Paul Prosser, Head of Welfare from Noah Enterprise, a charity which seeks to help the "
                                "most disadvantaged in the local community, particularly people who are homeless and "
                                "rough sleepers",
                                "Sandra Carroll from Luton Council Sustainable Development, who talked about period "
                                "poverty and the scheme being launched to supply free reusable products to Luton "
                                "residents by home delivery, to reduce any embarrassment or stigma around accessing "
                                "free products",
                            ]
                        )
                        + paragraphs(
                            "Lee and Ramya spoke about evaluation: how do we know we are making a difference? They "
                            "have undertaken qualitative research and created a set of measures to describe inequality "
                            "in our town. The measures are aligned to the Marmot key principles and to our 2040 "
                            "indicators, so we can clearly see how our Marmot Town approach is embedded in our 2040 "
                            "vision. Luton's workstreams are:"
                        )
                        + bullets(
                            ["children and young people", "housing", "business, employment and skills", "net zero"]
                        ),
                    ),
                ],
            ),
            text(
                paragraphs(
                    "There were posters on display about a variety of health equity town projects. If you would like a "
                    "copy of any of the presentations or posters, please contact the Public Health team."
                )
            ),
            button("Contact the Public Health team", "contact"),
            heading("Main messages to take away from the event"),
            text(
                bullets(
                    [
                        "There are lots of projects in Luton: we are doing really well.",
                        "There is an ongoing need to engage with our communities.",
                        "We need to step up communication on the wider determinants of health.",
                        "There is a strong commitment within the system to create a strong movement.",
                    ]
                )
            ),
            heading("What you told us"),
            text(
                paragraphs(
                    "We asked: name two things you consider important in order to deliver a health equity town "
                    "movement. These are the words you used:"
                ),
                bullets(
                    [
                        "Good quality homes",
                        "Relationships",
                        "Investment",
                        "Partnerships",
                        "Focus on children/SfL",
                        "Collaboration",
                        "Housing",
                        "Empowering community",
                        "Joined up partnership work",
                        "SafeHomes",
                        "Whole system approach",
                        "Conversations",
                        "Reaching the most vulnerable",
                        "Population wellbeing",
                        "Funding",
                        "Clear communication",
                        "Inclusion",
                        "Resilience",
                        "Datasets",
                        "Opportunities",
                        "Leadership at all levels",
                        "Resources",
                        "Measurement",
                        "Partnership",
                    ]
                ),
            ),
            heading("Next steps following the conference"),
            text(
                numbered(
                    [
                        "Hold a Frameworks masterclass.",
                        "Have a workshop on the built environment.",
                        "Keep developing more communication tools.",
                        "Continue working with the health equity town prize winners.",
                    ]
                )
            ),
        ],
        "priorities": ["population-wellbeing"],
        "subgroups": ["children-and-young-people", "housing-and-health", "net-zero", "employment-and-skills"],
    },
]


CASE_STUDY_INDEX = {
    "title": "Case studies",
    "slug": "case-studies",
    "summary": "How partner organisations in Luton are tackling health inequalities.",
    "intro": paragraphs(
        "We encourage partners to share case studies that show their work. These are some of the ways organisations "
        "in Luton are tackling health inequalities."
    ),
}

PANEL = (
    "{} was on the questions and answers panel at the health equity town event in December 2023, where members of "
    "the panel shared good practice."
)

CASE_STUDIES = [
    {
        "title": "Noah Enterprise: welfare support for people who are homeless",
        "slug": "noah-enterprise",
        "partner_organisation": "Noah Enterprise",
        "summary": (
            "Noah Enterprise is a charity which seeks to help the most disadvantaged in the local community, "
            "particularly people who are homeless and rough sleepers."
        ),
        "body": [
            text(paragraphs(PANEL.format("Paul Prosser, Head of Welfare at Noah Enterprise,"))),
            button("Read about the one year on event", "events/one-year-on"),
        ],
        "outcomes": "",
        "policy_objectives": ["healthy-standard-of-living"],
        "priorities": ["population-wellbeing"],
    },
    {
        "title": "Keech Hospice Care: compassionate communities",
        "slug": "keech-hospice-compassionate-communities",
        "partner_organisation": "Keech Hospice Care",
        "summary": (
            "Keech Hospice Care provides free, specialist care for adults and children with life-limiting illnesses, "
            "and vital support for their loved ones too."
        ),
        "body": [
            text(paragraphs(PANEL.format("Karen Hibbert, a compassionate communities lead from Keech Hospice Care,"))),
            button("Read about the one year on event", "events/one-year-on"),
        ],
        "outcomes": "",
        "priorities": ["population-wellbeing", "strong-and-empowered-community"],
    },
    {
        "title": "Period poverty scheme",
        "slug": "period-poverty-scheme",
        "partner_organisation": "Luton Council Sustainable Development",
        "summary": (
            "A scheme to supply free reusable products to Luton residents, delivered to their homes to reduce any "
            "embarrassment or stigma around accessing free products."
        ),
        "body": [
            text(
                paragraphs(
                    "At the health equity town event in December 2023, Sandra Carroll from Luton Council Sustainable "
                    "Development talked about period poverty, and the scheme being launched to supply free reusable "
                    "products to Luton residents.",
                    "It is a home delivery scheme, to reduce any embarrassment or stigma around "
                    "accessing free products.",
                )
            ),
        ],
        "outcomes": "",
        "policy_objectives": ["healthy-standard-of-living"],
        "priorities": ["population-wellbeing"],
    },
    {
        "title": "Passport to employment with ELFT",
        "slug": "elft-passport-to-employment",
        "partner_organisation": "East London Foundation Trust (ELFT)",
        "summary": (
            "East London Foundation Trust (ELFT) and adult learning have set up a passport to employment programme "
            "to support mental health service users into employment."
        ),
        "body": [
            text(
                paragraphs(
                    "East London Foundation Trust (ELFT) is Luton's principal mental health provider, and the first "
                    "Marmot Trust in the UK.",
                    "Working with adult learning, ELFT has established a passport to employment programme to support "
                    "mental health service users into employment. It is part of the work of the employment and "
                    "skills HET subgroup.",
                )
            ),
            button("Employment and skills subgroup", "driving-change/employment-and-skills"),
        ],
        "outcomes": paragraphs(
            "Courses and sessions have been facilitated for people to complete through Passport to Employment."
        ),
        "policy_objectives": ["fair-employment-and-good-work", "maximise-capabilities"],
        "priorities": ["inclusive-economy"],
        "subgroups": ["employment-and-skills"],
    },
    {
        "title": "Family Hubs programme",
        "slug": "family-hubs-programme",
        "partner_organisation": "Luton Council",
        "summary": (
            "The Family Hubs programme supports families in the most deprived areas of Luton with parenting, mental "
            "health and infant feeding."
        ),
        "body": [
            text(
                paragraphs(
                    "The Family Hubs programme continues to support families in the most deprived areas of the town "
                    "around parenting, mental health and infant feeding. It is one of the work areas of the children "
                    "and young people HET subgroup.",
                )
            ),
            button("Children and young people subgroup", "driving-change/children-and-young-people"),
        ],
        "outcomes": paragraphs(
            "An app and website were launched in June, so that more families can access Family Hub information and "
            "support."
        ),
        "policy_objectives": ["best-start-in-life"],
        "priorities": ["child-friendly-town"],
        "subgroups": ["children-and-young-people"],
    },
    {
        "title": "Monthly MMR vaccination clinics",
        "slug": "monthly-mmr-vaccination-clinics",
        "partner_organisation": "Children and young people HET subgroup",
        "summary": (
            "Monthly MMR vaccination clinics in settings in targeted areas of Luton, to improve uptake of MMR and all "
            "other childhood vaccines."
        ),
        "body": [
            text(
                paragraphs(
                    "The clinics are held every month in settings in targeted areas of the town, to improve uptake of "
                    "MMR and all other childhood vaccines.",
                    "They are one of the work areas of the children and young people HET subgroup, which is using a "
                    "quality improvement approach to move the recommendations from the Marmot report forward.",
                )
            ),
            button("Children and young people subgroup", "driving-change/children-and-young-people"),
        ],
        "outcomes": paragraphs("Over 130 under-vaccinated children in Luton have been vaccinated since February."),
        "policy_objectives": ["best-start-in-life", "ill-health-prevention"],
        "priorities": ["child-friendly-town", "population-wellbeing"],
        "subgroups": ["children-and-young-people"],
    },
]


HET_ACTIVITIES = {
    "title": "HET activities",
    "slug": "het-activities",
    "summary": (
        "What Luton has done since becoming a Marmot Place in 2021: the steering group, the Marmot Town report, our "
        "partnership, newsletter, conference and case studies."
    ),
    "body": [
        text(
            paragraphs(
                "In 2021, as part of Luton's strategic 2040 vision, Luton Borough Council became a Marmot Place, to "
                "encourage a health equity approach to improving health and wellbeing in Luton. Since then, Luton has "
                "adopted and supported the embedding of strategies to tackle health inequalities and promote actions "
                "that affect the building blocks of health.",
                "The council has facilitated and promoted activities that enable its partners to work together across "
                "the eight Marmot principles. To support the development of our Marmot Town report, we set up a "
                "steering group of partners across the system to get their buy-in.",
                f"The work of the steering group contributed to the report {REPORT}. The steering group has also "
                "coordinated actions across four agreed priority areas.",
            )
        ),
        button("How we're driving change in the four priority areas", "driving-change"),
        heading("Communications"),
        text(
            paragraphs(
                "We have developed a newsletter, where health equity system partners can contribute and share their "
                "learning."
            )
        ),
        heading("One year on conference"),
        text(
            paragraphs(
                "In 2023, the Luton Public Health team convened a system-wide conference to celebrate its successes "
                "and plan for the coming year. The conference hosted over 80 delegates and featured more than 18 case "
                "studies submitted by partners, showing how their organisations were tackling health inequalities."
            )
        ),
        button("Read about the one year on event", "events/one-year-on"),
        heading("Health Equity Town Partnership"),
        text(
            paragraphs(
                "As part of Luton's health and wellbeing governance structure, Luton hosts a system-wide partnership. "
                "It focuses on the wider determinants of health and on activities supporting community groups to "
                "improve health equity."
            )
        ),
        heading("Case studies"),
        text(
            paragraphs(
                "We have encouraged partners to share case studies to showcase their work. We continue to work with "
                "our principal mental health provider, East London Foundation Trust (ELFT), which is also a Marmot "
                "Trust."
            )
        ),
        button("Read the case studies", "case-studies"),
        heading("Marmot principles"),
        text(
            paragraphs(
                "Sir Michael Marmot has led work in this area for many years and leads the Institute of Health Equity "
                "(IHE) at University College London (UCL). The Marmot Review into health inequalities in England, "
                "published in 2010, proposed an evidence-based strategy to address the social determinants of health.",
                "The first national Marmot Review in 2010 introduced six principles: broad policy objectives aimed at "
                "improving the conditions of everyday life and reducing social and economic inequalities. Two more "
                "principles have since been added to make discrimination and sustainability, which are essential to "
                "equity, more explicit. The eight Marmot principles are:",
            ),
            bullets(objective["title"] for objective in POLICY_OBJECTIVES),
        ),
        button("What the policy objectives mean for Luton", "policy-objectives"),
        heading("The Marmot Town report"),
        text(
            paragraphs(
                "The Institute of Health Equity is working with local authorities up and down the country to "
                "implement the right approaches to reduce health inequalities. The Public Health department of Luton "
                "Borough Council commissioned the IHE to support the council and other partners to act on health "
                "inequalities and become the first Marmot Town, joining the other Marmot Places that are working with "
                "the IHE to prioritise health equity.",
                f"The report, {REPORT}, is based on an assessment of data and local evidence. It makes "
                "recommendations to reduce health inequalities and make Luton a fairer place to live, work, grow up "
                "and grow old in.",
            )
        ),
        heading("Recommendations", "h3"),
        text(paragraphs("The report's recommendations include:"), bullets(RECOMMENDATIONS)),
        button("Our priorities for Luton 2040", "priorities"),
    ],
}

TOOLKIT = {
    "title": "Ways of Working toolkit",
    "slug": "toolkit",
    "summary": (
        "The Health Equity Town Ways of Working Toolkit supports a common way of working, so that partners in Luton "
        "work together to improve health and wellbeing and reduce health inequalities."
    ),
    "body": [
        text(
            paragraphs(
                "We are delighted to present the Health Equity Town 'Ways of Working Toolkit - Supporting a common way "
                "of working'. The toolkit will help Luton's health equity system to work more collaboratively, driving "
                "action that supports the Luton 2040 vision of a healthy, fair and sustainable town where everyone "
                "can thrive, and no one has to live in poverty."
            )
        ),
        heading("Why it matters"),
        text(
            paragraphs(
                "Reducing health inequalities is at the heart of what we do in making Luton a town for people to "
                "prosper and thrive. It is central to our journey to become a Marmot Town: a town that prioritises "
                "health equity.",
                "Luton has a unique and complex population, which relates to many of the differences within the "
                "town. We have a diverse and vibrant population, with many languages spoken, across different "
                "ethnicities. We have a complex pattern of population mobility, and areas in Farley, South and "
                "Northwell wards are in the 10% most deprived in England.",
                "The recent pandemic had a great impact on the population of Luton and was a difficult time for our "
                "community. During this time, health inequalities that already existed got worse. Although the "
                "pandemic is now behind us, some clear challenges remain, including the national cost of living "
                "crisis.",
                "These complex factors lead to health inequalities: differences in life expectancy, in how common risk "
                "factors such as obesity and smoking are, and in how common conditions such as hypertension and "
                "cancer are. These inequalities can be seen across the borough, between areas and communities.",
                "The toolkit helps us identify how we can work together to find the opportunities to improve health "
                "and wellbeing outcomes and reduce the impact of inequality through our work.",
            )
        ),
        heading("East London Foundation Trust"),
        text(
            paragraphs(
                "East London Foundation Trust (ELFT) is the first Marmot Trust in the UK and is "
                "leading the way we work "
                "to improve quality and tackle health inequalities within our services and systems.",
                "Quality improvement (QI) is about giving the people closest to the issues affecting care the skills "
                "and resources they need to solve complex problems. It applies a systematic approach to working "
                "through a complex issue: involving the people closest to the issue in understanding it deeply, "
                "developing creative ideas and testing them, and using data to learn and adapt.",
            )
        ),
        heading("Talking about the building blocks of health"),
        text(
            paragraphs(
                "The building blocks of health and wellbeing are the influencing factors commonly known as the wider "
                "determinants of health. Examples of the building blocks of health are:"
            ),
            bullets(BUILDING_BLOCKS),
            paragraphs(
                "These factors affect our health and, in the end, how long we will live.",
                "As a Health Equity Town, one of the common ways of working we would like partners and anchor "
                "organisations to learn is to communicate about the building blocks of health. Then residents and "
                "our partners will have a clearer idea of what is needed to improve health and wellbeing and reduce "
                "health inequity.",
                "We use a toolkit from the Health Foundation to support how we talk about health in Luton. We have "
                "supported people to become Building Blocks of Health Champions: colleagues and individuals who have "
                "had bespoke training from the Health Foundation to support more accessible ways of talking about the "
                "social determinants of health.",
            ),
        ),
    ],
}

CONTACT = {
    "title": "Contact us",
    "slug": "contact",
    "summary": "How to contact Luton Council's Public Health team about Luton as a health equity town.",
    "body": [
        text(paragraphs("This website is run by the Public Health team at Luton Council.")),
        heading("Write to us"),
        text(
            format_html(
                "<p>{}<br/>{}<br/>{}<br/>{}</p>", "Public Health team", "Luton Council", "Town Hall", "Luton LU1 2BQ"
            )
        ),
        heading("Presentations and posters"),
        text(
            paragraphs(
                "You can ask us for copies of the presentations and posters from the health equity town event in "
                "December 2023."
            )
        ),
    ],
}

ACCESSIBILITY_STATEMENT = {
    "title": "Accessibility statement",
    "slug": "accessibility-statement",
    "summary": (
        "How accessible this website is, how to report a problem and what to do if you are not happy with our response."
    ),
    "body": [
        text(
            paragraphs(
                f"This accessibility statement applies to the {SITE_NAME} website. It is run by Luton Council.",
                "We want as many people as possible to be able to use this website. It has been designed so that you "
                "should be able to:",
            ),
            bullets(
                [
                    "change colours, contrast levels and fonts using browser or device settings",
                    "zoom in up to 400% without the text spilling off the screen",
                    "navigate the website using a keyboard or speech recognition software",
                    "listen to the website using a screen reader",
                ]
            ),
            paragraphs(
                "We have also made the website text as simple as possible to understand.",
                format_html(
                    "{} has advice on making your device easier to use if you have a disability.",
                    link("AbilityNet", "https://mcmw.abilitynet.org.uk/"),
                ),
            ),
        ),
        heading("How accessible this website is"),
        text(
            paragraphs(
                "This website has not yet been independently tested for accessibility, so we cannot yet list any parts "
                "of it that are not fully accessible. If you find a problem, please tell us."
            )
        ),
        heading("Feedback and contact information"),
        text(
            paragraphs(
                "If you need information on this website in a different format, like accessible PDF, large print, "
                "easy read, audio recording or braille, contact the Public Health team. We'll consider your request "
                "and get back to you."
            )
        ),
        heading("Reporting accessibility problems with this website"),
        text(
            paragraphs(
                "We're always looking to improve the accessibility of this website. If you find any problems, or "
                "think we're not meeting accessibility requirements, please tell us using the details on our contact "
                "page."
            )
        ),
        button("Contact us", "contact"),
        heading("Enforcement procedure"),
        text(
            paragraphs(
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
                "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility "
                "regulations').",
                format_html(
                    "If you're not happy with how we respond to your complaint, contact the {}.",
                    link("Equality Advisory and Support Service (EASS)", "https://www.equalityadvisoryservice.com/"),
                ),
            )
        ),
        heading("Technical information about this website's accessibility"),
        text(
            paragraphs(
                "Luton Council is committed to making its website accessible, in accordance with the Public Sector "
                "Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."
            )
        ),
        heading("Compliance status", "h3"),
        text(
            paragraphs(
                "This website is designed to comply with WCAG 2.2 AA; it has not yet been independently tested.",
                format_html(
                    "WCAG 2.2 AA is the AA standard of the {}.",
                    link("Web Content Accessibility Guidelines version 2.2", "https://www.w3.org/TR/WCAG22/"),
                ),
            )
        ),
    ],
}

PRIVACY_NOTICE = {
    "title": "Privacy notice",
    "slug": "privacy-notice",
    "summary": (
        "What personal information this website collects, why we collect it, how long we keep it and your rights."
    ),
    "body": [
        heading("Who we are"),
        text(
            paragraphs(
                "This website is run by the Public Health team at Luton Council. Luton Council is responsible for the "
                "personal information collected through it."
            )
        ),
        heading("What we collect and why"),
        heading("Case study submissions", "h3"),
        text(
            paragraphs("When you submit a case study, we collect:"),
            bullets(
                [
                    "the name of your organisation",
                    "your name",
                    "your email address",
                    "your phone number",
                    "what you tell us about your work",
                    "any photo you send us",
                ]
            ),
            paragraphs("We use this information to review case studies and to publish them on this website."),
        ),
        heading("Page feedback", "h3"),
        text(paragraphs("When you tell us whether a page was useful, we do not collect any personal details.")),
        heading("Cookies", "h3"),
        text(paragraphs("We do not set cookies for visitors who are not logged in.")),
        heading("How long we keep your information"),
        text(
            paragraphs(
                "We keep case study submissions for 12 months after we decide whether to publish them. We then erase "
                "your personal details."
            )
        ),
        heading("Your rights"),
        text(
            paragraphs(
                "You can ask to see the personal information we hold about you, and ask us to correct or erase it. "
                "To do this, or if you have a question about how we use your information, contact Luton Council's "
                "data protection officer through the council."
            )
        ),
        button("Contact us", "contact"),
        heading("How to complain"),
        text(
            paragraphs(
                format_html(
                    "If you are not happy with how we have used your personal information, you have the right to "
                    "complain to the {}.",
                    link("Information Commissioner's Office (ICO)", "https://ico.org.uk/make-a-complaint/"),
                )
            )
        ),
    ],
}

STANDARD_PAGES = [HET_ACTIVITIES, TOOLKIT, CONTACT, ACCESSIBILITY_STATEMENT, PRIVACY_NOTICE]

# (label, page path below the home page)
MAIN_MENU = [
    ("Policy objectives", "policy-objectives"),
    ("Priorities", "priorities"),
    ("Driving change", "driving-change"),
    ("News", "news"),
    ("What's on", "events"),
    ("Case studies", "case-studies"),
    ("HET activities", "het-activities"),
    ("Toolkit", "toolkit"),
]
FOOTER_LINKS = [
    ("Contact us", "contact"),
    ("Accessibility statement", "accessibility-statement"),
    ("Privacy notice", "privacy-notice"),
]
