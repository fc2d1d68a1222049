# Resume actions join the audit log (issue 8, security review).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("register", "registered"),
                    ("login", "logged in"),
                    ("login_failed", "failed login"),
                    ("logout", "logged out"),
                    ("password_change", "changed password"),
                    ("preferences_change", "changed preferences"),
                    ("account_delete", "deleted account"),
                    ("resume_upload", "uploaded a resume"),
                    ("resume_delete", "deleted a resume"),
                    ("resume_reparse", "asked for a resume to be read again"),
                    ("resume_correction", "corrected a parsed resume"),
                ],
                max_length=32,
                verbose_name="action",
            ),
        ),
    ]
