"""``hub demo``'s reach scene: a picture on every platform, a long post as a thread, a
broken picture as text.

The feed's award call comes with a photograph (the demo website's, fetched once through
the SSRF guard and re-encoded): the scene reads back, from each platform's stand-in, which
posts of that item arrived with their picture. A member's long report from Porto Alegre
(longer than one Telegram message) is submitted through the web form and approved; it
reaches the Portuguese Telegram channel whole, as a thread of messages. The seminar's
picture address answers with an HTML page: the hub refuses it, and the item's deliveries
were sent as text, each saying why.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from hub.core.config.settings import Settings
from hub.core.models import Channel, Delivery, Item, ItemPicture, utcnow
from hub.core.ports import ReceivedPost, StandIn, part_ids

PICTURE_PLATFORMS = (
    "slack",
    "telegram",
    "mastodon",
    "bluesky",
    "matrix",
    "discord",
    "teams",
    "webhook",
)
"""Where an item's picture should arrive (issue #17)."""

DEMO_LONG_NEWS = (
    "Porto Alegre: relatório do encontro sobre orçamento participativo jovem",
    (
        "O escritório regional para a América Latina, em Porto Alegre, reuniu durante três "
        "dias cidades de toda a região para debater o orçamento participativo jovem, a "
        "participação das juventudes nas políticas públicas locais e a ação climática.",
        "Cada cidade trouxe uma equipa mista: técnicos municipais, eleitos locais e pelo "
        "menos dois jovens que participaram num ciclo de orçamento participativo nos últimos "
        "dois anos. A sessão de abertura, na Câmara Municipal, apresentou o estado dos "
        "processos de cada delegação.",
        "No primeiro dia, as cidades compararam as regras dos seus processos: a idade mínima "
        "para votar, o peso das escolas na mobilização, a parte do orçamento municipal "
        "reservada às propostas dos jovens e a forma como os projetos escolhidos são "
        "acompanhados até à sua execução. As diferenças são grandes, e foi isso que tornou a "
        "troca útil.",
        "Algumas cidades abriram o voto a partir dos doze anos e organizam as assembleias nas "
        "escolas, em horário letivo, com o apoio dos professores. Outras preferem assembleias "
        "de bairro ao fim de semana, com transporte gratuito para quem vem de mais longe, e "
        "votação em papel e em linha durante duas semanas.",
        "O segundo dia foi dedicado ao clima. As equipas trabalharam em grupos sobre "
        "propostas já votadas por jovens: hortas escolares, ciclovias seguras entre os bairros "
        "e as escolas, sombra e água nos pátios, recolha seletiva nos mercados, reflorestação "
        "das margens dos rios e campanhas de poupança de energia nos edifícios públicos.",
        "Para cada proposta, os grupos analisaram o custo, o prazo de execução, quem na "
        "administração ficou responsável e o que correu mal. A experiência mostra que a "
        "confiança dos jovens no processo depende menos do montante do orçamento do que da "
        "rapidez com que veem as obras acontecer e da clareza da informação sobre os atrasos.",
        "Uma sessão especial reuniu as equipas que gerem as plataformas digitais de votação: "
        "a verificação da idade sem recolher mais dados do que o necessário, o voto de quem "
        "não tem telemóvel, a acessibilidade para jovens com deficiência e a publicação dos "
        "resultados em formatos abertos, que qualquer pessoa possa reutilizar.",
        "Outra sessão tratou da formação. Os jovens que já passaram por um ciclo tornam-se "
        "mediadores no ciclo seguinte: explicam as regras nas escolas, ajudam a transformar "
        "ideias em propostas viáveis e acompanham as visitas técnicas aos locais das obras. "
        "Várias cidades pagam uma bolsa a estes mediadores.",
        "As universidades da região apresentaram um estudo comparativo sobre dez anos de "
        "orçamentos participativos jovens na América Latina: os processos com regras "
        "estáveis, calendário conhecido e prestação de contas regular mantêm a participação ao "
        "longo do tempo, enquanto os lançados apenas em ano eleitoral perdem a confiança dos "
        "jovens.",
        "O terceiro dia olhou para a avaliação. As cidades partilharam os indicadores que "
        "usam: participantes por idade e género, proporção de propostas vindas de bairros com "
        "rendimentos mais baixos, taxa de execução dos projetos aprovados e participação dos "
        "mesmos jovens em ciclos seguintes ou noutros espaços de participação.",
        "A perspetiva de género atravessou todo o programa. Várias cidades notaram que as "
        "raparigas participam mais nas assembleias escolares, mas menos nas de bairro, e "
        "procuram formas de equilibrar a presença: horários diferentes, espaços de cuidado "
        "para irmãos mais novos, facilitação por pares e regras claras sobre a palavra.",
        "Durante os três dias, um grupo de jovens comunicadores das cidades participantes "
        "cobriu o encontro nas redes sociais, em espanhol e em português, com entrevistas "
        "curtas às delegações e resumos diários das sessões, que ficam disponíveis no canal "
        "do escritório regional.",
        "O encontro terminou com uma declaração comum, redigida pelos jovens das delegações e "
        "apresentada às autoridades presentes. O texto pede orçamentos participativos jovens "
        "com verbas próprias e estáveis, informação pública sobre a execução de cada projeto e "
        "a participação dos jovens na definição das regras do processo.",
        "As cidades interessadas em aderir à rede regional podem contactar o escritório de "
        "Porto Alegre. Os materiais do encontro e a declaração final serão publicados no sítio "
        "do OIDP, em espanhol e em português, e o próximo encontro regional terá lugar no ano "
        "que vem.",
    ),
)
"""A member's report, longer than one Telegram message (4,096 characters)."""


def submit_long_news(engine: Engine, settings: Settings) -> str | None:
    """The member's long report, through the web form, approved by a moderator; the title,
    or None when the configuration has no web form."""
    from hub.core.moderation.decisions import approve
    from hub.web.news_intake import Submission, submit_news

    web_form = next(
        (key for key, s in settings.sources.items() if s.kind == "web" and s.enabled), None
    )
    if web_form is None:
        return None
    title, paragraphs = DEMO_LONG_NEWS
    now = utcnow()
    with Session(engine) as session, session.begin():
        submission = Submission(title=title, text="\n\n".join(paragraphs), language="pt")
        result = submit_news(session, settings, web_form, submission, now=now, platform="web")
        if not result.approved:
            approve(session, result.item, settings, by="demo moderator", now=now)
    return title


def _posts_of(
    standin: StandIn, message_ids: tuple[str, ...], title: str = ""
) -> list[ReceivedPost]:
    """The stand-in's posts with the delivery's ids; for a platform that gives no id back
    (a Teams webhook: the receipt is the hub's own), the posts that begin with the title."""
    posts = standin.posts()
    found = [post for post in posts if post.message_id in message_ids]
    if found or not title:
        return found
    return [post for post in posts if post.text.strip().startswith(title)]


def reach_lines(engine: Engine, standins: dict[str, StandIn], long_title: str | None) -> list[str]:
    """What reached the stand-ins: the picture item's posts with their picture, the long
    item's thread, the broken picture's text posts and their reason."""
    with Session(engine) as session:
        rows = session.execute(
            select(Item, ItemPicture, Delivery, Channel)
            .join(
                ItemPicture,
                (ItemPicture.item_id == Item.id) & (ItemPicture.source_url == Item.image_url),
            )
            .join(Delivery, Delivery.item_id == Item.id)
            .join(Channel, Channel.id == Delivery.channel_id)
            .where(Delivery.status == "sent")
            .order_by(Item.id, Channel.key)
        ).all()
        long_rows = session.execute(
            select(Item, Delivery, Channel)
            .join(Delivery, Delivery.item_id == Item.id)
            .join(Channel, Channel.id == Delivery.channel_id)
            .where(
                Item.title == long_title,
                Delivery.status == "sent",
                Channel.platform == "telegram",
            )
            .order_by(Channel.key)
        ).all()
    lines = []
    shown: dict[str, str] = {}
    for item, picture, delivery, channel in rows:
        if picture.data is not None:
            standin = standins.get(channel.platform)
            if standin is None or channel.platform not in PICTURE_PLATFORMS:
                continue
            ids = part_ids(delivery.platform_message_id)
            posts = _posts_of(standin, ids, item.title)
            with_picture = [p.picture for p in posts if p.picture]
            shown[channel.platform] = with_picture[0] if with_picture else ""
        elif delivery.last_error:
            lines.append(
                f"  broken picture of “{item.title[:40]}…”: {channel.platform} {channel.key} "
                f"got a text post; the delivery says: {delivery.last_error[:120]}"
            )
    if shown:
        arrived = [f"{p} ({shown[p]})" for p in PICTURE_PLATFORMS if shown.get(p)]
        lines.insert(0, "  the award call with its picture on: " + ", ".join(arrived))
        missing = [p for p in PICTURE_PLATFORMS if p in shown and not shown[p]]
        if missing:
            lines.insert(1, "  the award call without its picture on: " + ", ".join(missing))
    for item, delivery, channel in long_rows:
        parts = part_ids(delivery.platform_message_id)
        standin = standins.get(channel.platform)
        posted = _posts_of(standin, parts) if standin is not None else []
        whole = "\n".join(p.text for p in posted)
        last = DEMO_LONG_NEWS[1][-1]
        complete = "in full" if last[-60:] in " ".join(whole.split()) else "NOT IN FULL"
        lines.append(
            f"  long news “{item.title[:40]}…” ({len(item.summary_text):,} characters) on "
            f"{channel.platform} {channel.key}: {complete}, "
            + (f"a thread of {len(parts)} messages" if len(parts) > 1 else "one message")
        )
    return lines
