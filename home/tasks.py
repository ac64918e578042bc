"""Background tasks of the site (Django's task framework, django-tasks; the worker is
`manage.py db_worker`, see README »Background tasks«)."""

from django_tasks import task

from home import mail


@task()
def deliver_mail(pk):
    """Sends the outbox's message `pk` (home/mail.py)."""
    mail.deliver(pk)
