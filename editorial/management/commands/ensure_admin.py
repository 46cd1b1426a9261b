import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the 'admin' account with a random password on first run, printing the password once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.invalid")

    def handle(self, *args, **options):
        User = get_user_model()
        username = options["username"]
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"The '{username}' account already exists; its password is unchanged.")
            return
        password = secrets.token_urlsafe(15)
        User.objects.create_superuser(username=username, email=options["email"], password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the '{username}' account. Its password, shown only this once, is: {password}\n"
                f"Log in at http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/ and change it from your account "
                "settings."
            )
        )
