from home.embeds import youtube_nocookie


def test_youtube_embeds_use_the_privacy_enhanced_host():
    html = (
        '<iframe src="https://www.youtube.com/embed/abc123?feature=oembed" title="Film"></iframe>'
    )
    assert youtube_nocookie(html) == (
        '<iframe src="https://www.youtube-nocookie.com/embed/abc123?feature=oembed" '
        'title="Film"></iframe>'
    )


def test_other_embeds_stay_as_they_are():
    html = '<iframe src="https://player.vimeo.com/video/76979871" title="Film"></iframe>'
    assert youtube_nocookie(html) == html
