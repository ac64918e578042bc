from community.views._placeholder import not_yet as notification_list  # noqa
from community.views._placeholder import not_yet as mark_read  # noqa
from community.views._placeholder import not_yet as notification_settings  # noqa
from community.views._placeholder import not_yet as unsubscribe  # noqa
