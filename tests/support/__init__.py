"""What the tests share: the site builder, officers, admin form helpers, the case study form's data and the
production server for the fault tests."""
