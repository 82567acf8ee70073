package org.shangliang.common;

/**
 * Stable, named failures. The {@code failureCode} is part of the API (docs/API.md): never derive it
 * from the declaration order.
 */
public enum ErrorCode {
  BAD_REQUEST(400, 400, "请求格式不正确"),
  UNAUTHENTICATED(401, 401, "请先登录或登记设备"),
  FORBIDDEN(403, 403, "无权执行此操作"),
  UNKNOWN_ACTION(404, 404, "未知操作"),
  CONFLICT(409, 409, "操作冲突，请重试"),
  NOT_FOUND(410, 404, "找不到相关记录"),
  TOO_LARGE(413, 413, "内容过长"),
  MEETING_NOT_OPEN(420, 409, "会议还没有开始"),
  MEETING_ALREADY_OPEN(421, 409, "会议已开始或已结束"),
  NO_CURRENT_MATTER(422, 409, "当前没有议题"),
  MATTER_BUSY(423, 409, "当前议题正在发言或表决"),
  MEETING_CLOSED(424, 409, "会议已经结束"),
  NOT_CHECKED_IN(430, 409, "尚未签到"),
  ALREADY_CHECKED_IN(431, 409, "已经签到"),
  KIOSK_OCCUPIED(432, 409, "本终端已有人使用，请先签退"),
  ALREADY_RAISED(440, 409, "您已举手"),
  NOT_IN_QUEUE(441, 409, "没有举手记录"),
  SPEECH_LIMIT_REACHED(442, 409, "本议题发言次数已用完"),
  FLOOR_TAKEN(443, 409, "有人正在发言"),
  NO_SPEECH(444, 409, "当前无人发言"),
  QUEUE_EMPTY(445, 409, "没有人举手"),
  SPEECH_PAUSED(446, 409, "发言已暂停"),
  SPEECH_RUNNING(447, 409, "发言正在进行"),
  VOTE_OPEN(450, 409, "表决正在进行"),
  NO_VOTE_OPEN(451, 409, "当前没有进行中的表决"),
  ALREADY_VOTED(452, 409, "您已投过票，不能重复投票"),
  NOT_ENTITLED(453, 403, "您不在本次表决的表决人之列"),
  NO_RESULT(454, 409, "没有可宣布的表决结果"),
  RESULT_NOT_ANNOUNCED(455, 409, "请先宣布表决结果"),
  QUORUM_NOT_MET(456, 409, "到会人数未达到法定人数"),
  MINIMUM_BALLOTS_UNREACHABLE(457, 409, "最少投票人数超过了到会有表决权的人数，这样的表决不可能有效"),
  LIVE_TALLY_NAMED_ONLY(458, 400, "实时显示票数只用于记名表决；无记名表决的票数在表决结束后公布"),
  TOKEN_INVALID(460, 403, "此二维码无效或已被篡改"),
  TICKET_USED(461, 409, "此表单已经提交过"),
  NOTICE_WITHDRAWN(462, 410, "该公告已撤下"),
  RATE_LIMITED(463, 429, "提交太频繁，请稍后再试"),
  POSTING_TOO_SHORT(464, 409, "议事方案、过程和结果的公示不少于7天；提前结束须填写理由"),
  UNSUPPORTED_MEDIA(465, 415, "只接受 PNG、JPEG 或 WebP 图片"),
  NOTICE_NOT_PUBLISHED(466, 409, "该公告尚未发布"),
  PAIRING_UNKNOWN(467, 404, "没有等待配对的显示屏使用此配对码，或已过期"),
  TRANSITION_NOT_ALLOWED(470, 409, "诉求当前状态下不能进行此操作"),
  PUBLIC_TITLE_PERSONAL(480, 400, "公开标题不能含电话、身份证等号码"),
  SETUP_CODE_WRONG(490, 403, "设置码不对，请看服务器启动时输出的设置码"),
  SETUP_DONE(491, 409, "已经有管理员了，请直接登录管理台"),
  REQUEST_TIMEOUT(510, 408, "请求超时，连接已关闭"),
  LOGIN_THROTTLED(530, 429, "登录失败次数过多，请稍后再试"),
  BACKUP_UNAVAILABLE(540, 409, "使用外部 MongoDB 时请用 mongodump 备份"),
  DATABASE_UNAVAILABLE(541, 503, "数据库暂时没有响应，操作没有完成，请稍后再试"),
  STORE_WRITE_FAILED(542, 507, "数据没能写入磁盘（磁盘可能已满），操作没有完成"),
  MEMBER_IMPORT_REJECTED(640, 422, "表格有错误，没有导入任何一行"),
  MEMBER_DUPLICATE(641, 409, "已有同名同电话的议事成员"),
  HOST_NOT_ELIGIBLE(680, 400, "主持人须是在用的社区干部、网格员或管理员账号"),
  MATTER_FROM_REQUEST(681, 409, "这个议题来自居民诉求，不能从议程中删去"),
  HOSTS_NOT_PAIRED(682, 400, "两位主持人须是一位社区干部（或管理员）和一位网格员"),
  ACCOUNT_DISABLED(600, 403, "此账号已停用，请联系管理员"),
  PASSWORD_CHANGE_REQUIRED(601, 403, "请先设置新密码再登录"),
  PASSWORD_NOT_CHANGED(602, 400, "新密码不能与原密码相同"),
  ACCOUNT_EXISTS(603, 409, "这个用户名已被使用"),
  LAST_ADMINISTRATOR(604, 409, "这是最后一位可以登录的管理员，不能停用或改为其他角色"),
  OWN_ACCOUNT(605, 409, "不能停用自己的账号，也不能更改自己的角色或重置自己的密码"),
  GRID_REQUIRED(606, 400, "网格员至少要负责一个网格"),
  NAME_TAKEN(620, 409, "这个名称已经有了，请换一个"),
  TIME_ZONE_UNKNOWN(621, 400, "时区不正确，请填写如 Asia/Shanghai 的时区"),
  DEVICE_IN_USE(622, 409, "这台终端上还有人签到，请先签退再移动"),
  DEVICE_REVOKED(623, 409, "这台设备已停用，请重新配对"),
  ROUND_CLOSED(730, 409, "这一轮协商已截止，不能再提交意见"),
  NOT_INVITED(731, 403, "这位成员没有受邀参加这次协商"),
  RECEIVED_AT_OUT_OF_RANGE(660, 400, "收到时间不能晚于现在，也不能早于30天前"),
  NOT_A_GRID_WORKER(661, 409, "只能派单给在用的网格员账号"),
  GRID_WORKER_OTHER_GRID(662, 409, "这位网格员不负责这件诉求所在的网格"),
  DISPATCHED_TO_OTHER(663, 403, "这件诉求已派给其他网格员，由他接单"),
  MATTER_NOT_IN_MEETING(700, 404, "这个会议的议程里没有这个议题"),
  IMAGE_UNKNOWN(701, 404, "图片没有找到，请重新上传"),
  RESEARCH_FULL(702, 409, "这个议题的调研记录已满"),
  MEETING_NAMES_NO_GRID(710, 409, "这个会议没有指定涉及的网格，请先在会议安排中选择网格再公示"),
  MEETING_NOT_CLOSED(711, 409, "会议结束后才能公示议事过程"),
  MEETING_ALREADY_OVER(712, 409, "会议已经结束，请公示议事过程和结果，不再公示议事方案"),
  ARCHIVE_RANGE(720, 400, "结束日期须晚于开始日期"),
  LOOKUP_NO_MATCH(760, 404, "没有找到：请核对诉求编号和登记时留的电话后四位"),
  MINUTES_NOT_READY(780, 409, "会议结束后才有会议记录"),
  MINUTES_LOCKED(781, 409, "会议记录已审定，不能再改；请添加补充更正"),
  MINUTES_NOT_APPROVED(782, 409, "会议记录审定后才能添加补充更正；审定前请直接修改"),
  FEEDBACK_UNANSWERED(783, 409, "还有居民的不满意评价没有答复，答复后才能办结"),
  RESOLUTION_SOLVED(784, 409, "这条决议已经办结"),
  FOLLOW_UP_NOT_PUBLISHED(785, 409, "只有咨询类和听证类决议的跟进需要及时公示"),
  SURVEY_NOT_OPEN(835, 409, "问卷还没有开始，或会议已经结束"),
  SURVEY_ANSWERED(836, 409, "这位参会人已经填过问卷"),
  SURVEY_ALREADY_OPEN(837, 409, "问卷已经开始"),
  MEDIATION_NOT_DISPUTE(840, 409, "只有邻里纠纷类诉求可以记录人民调解"),
  MEDIATOR_UNKNOWN(841, 404, "调解员须是议事主体名册中的成员"),
  MEDIATIONS_FULL(842, 409, "这件诉求的调解记录已满"),
  FORUM_REASON_REQUIRED(843, 400, "调整评选名次须写明理由"),
  FORUM_ENTRY_UNKNOWN(844, 404, "这一年的评选中没有这一项"),
  FORUM_OVERRIDE_SHAPE(845, 400, "请给出新的名次，或选择移出名单（二者取一）"),
  INTERNAL(500, 500, "服务器出错，操作未完成");

  private final int failureCode;
  private final int httpStatus;
  private final String defaultMessage;

  ErrorCode(int failureCode, int httpStatus, String defaultMessage) {
    this.failureCode = failureCode;
    this.httpStatus = httpStatus;
    this.defaultMessage = defaultMessage;
  }

  public int failureCode() { return failureCode; }

  public int httpStatus() { return httpStatus; }

  public String defaultMessage() { return defaultMessage; }
}
