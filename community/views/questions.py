from community.views._placeholder import not_yet as question_list  # noqa
from community.views._placeholder import not_yet as ask  # noqa
from community.views._placeholder import not_yet as question_detail  # noqa
from community.views._placeholder import not_yet as accept_answer  # noqa
