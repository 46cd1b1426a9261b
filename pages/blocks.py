from wagtail import blocks


class WorkAreaBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=150, help_text="The name of the piece of work, for example 'Family Hubs programme'."
    )
    points = blocks.ListBlock(blocks.TextBlock(max_length=600), min_num=1, label="What is happening")

    class Meta:
        icon = "tasks"
        label = "Work area"
        template = "components/streamfield/work_area.html"
        preview_value = {
            "title": "Family Hubs programme",
            "points": ["Bringing support for families together in one place in each part of town."],
        }
        description = "One area of a subgroup's work, with the main points."


class WorkAreasBlock(blocks.StreamBlock):
    """A subgroup's areas of work."""

    work_area = WorkAreaBlock()
