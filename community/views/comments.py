from community.views._placeholder import not_yet as post_comment  # noqa
from community.views._placeholder import not_yet as edit_comment  # noqa
from community.views._placeholder import not_yet as flag_comment  # noqa
from community.views._placeholder import not_yet as follow  # noqa
from community.views._placeholder import not_yet as session_discussion  # noqa
